package io.frontdesk.deploy.portal;

import io.frontdesk.core.security.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for portal tests: keeps cookies, does not follow redirects (tests
 * assert them), and fills in the CSRF token of the last page it fetched when it posts a form.
 */
public final class PortalClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  PortalClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as browsers use plain http; no h2c upgrade
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** A GET of an absolute URL (another server, such as an identity provider), with cookies. */
  public HttpResponse<String> getAbsolute(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
  }

  /** Posts a form with the CSRF token of the last page fetched (fetch the form page first). */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.putIfAbsent("csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  /** Posts exactly the fields given (no CSRF token added). */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A file field for {@link #postMultipart}. */
  public record FilePart(String field, String filename, String contentType, byte[] bytes) {}

  /** Posts a multipart form (with the CSRF token) and optionally one file. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> form, FilePart file) {
    String boundary = "----fdtest" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.putIfAbsent("csrf", csrf);
    }
    try {
      for (Map.Entry<String, String> e : withToken.entrySet()) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + e.getKey()
                    + "\"\r\n\r\n"
                    + e.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      if (file != null) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + file.field()
                    + "\"; filename=\""
                    + file.filename()
                    + "\"\r\nContent-Type: "
                    + file.contentType()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(file.bytes());
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /**
   * A JSON API call with this client's cookies and, as the portal's own scripts would send it, the
   * CSRF token of the last page fetched.
   */
  public HttpResponse<String> api(String method, String path, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(
        b.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Signs in through the demo sign-in page as the given demo user; returns this client. */
  public PortalClient signInAs(String userId) {
    get("/sign-in/demo");
    HttpResponse<String> r = post("/sign-in/demo", Map.of("userId", userId));
    if (r.statusCode() != 303) {
      throw new IllegalStateException("demo sign-in failed: " + r.statusCode() + " " + r.body());
    }
    get("/");
    return this;
  }

  /** Signs in as the first demo user with the role (school roles: at St Mary's). */
  public PortalClient signInAs(Role role) {
    return signInAs(PortalFixture.demoUser(role));
  }

  public Optional<String> sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("fd_session"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public java.util.List<String> cookieNames() {
    return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).toList();
  }

  public String csrf() {
    return csrf;
  }

  public HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
