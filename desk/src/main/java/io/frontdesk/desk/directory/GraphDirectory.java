package io.frontdesk.desk.directory;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Entra ID through Microsoft Graph, with an app registration's client credentials. Reset
 * sets {@code passwordProfile} with {@code forceChangePasswordNextSignIn=true} in one PATCH. Entra
 * has no unlock: its smart lockout clears itself, so {@link #supportsUnlock()} is false. Privilege
 * comes from transitive group and directory-role membership (e.g. "Global Administrator").
 */
public final class GraphDirectory implements Directory {
  private static final String SELECT =
      "id,userPrincipalName,displayName,accountEnabled,mail,otherMails,mobilePhone";

  private final GraphSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  public GraphDirectory(GraphSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  @Override
  public String kind() {
    return "graph";
  }

  @Override
  public boolean supportsUnlock() {
    return false;
  }

  @Override
  public Optional<DirectoryAccount> find(String upn, String aadObjectId) {
    String key = aadObjectId != null && !aadObjectId.isBlank() ? aadObjectId : upn;
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    HttpResponse<String> r = call("GET", "/users/" + enc(key) + "?$select=" + SELECT, null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    JsonObject u = json(expectOk(r, "reading the user"));
    Set<String> groups = new HashSet<>();
    String next = "/users/" + enc(u.getString("id")) + "/transitiveMemberOf?$select=displayName";
    while (next != null) {
      JsonObject page = json(expectOk(call("GET", next, null), "reading group membership"));
      for (Object o : page.getJsonArray("value", new JsonArray())) {
        if (o instanceof JsonObject g && g.getString("displayName") != null) {
          groups.add(g.getString("displayName"));
        }
      }
      String link = page.getString("@odata.nextLink");
      next = link == null ? null : link.substring(settings.graphUrl().length());
    }
    JsonArray other = u.getJsonArray("otherMails", new JsonArray());
    String email = other.isEmpty() ? u.getString("mail") : other.getString(0);
    return Optional.of(
        new DirectoryAccount(
            u.getString("id"),
            u.getString("userPrincipalName"),
            u.getString("userPrincipalName"),
            u.getString("displayName"),
            email,
            u.getString("mobilePhone"),
            !u.getBoolean("accountEnabled", true),
            false,
            false,
            false,
            false,
            groups));
  }

  @Override
  public void resetPassword(DirectoryAccount account, char[] temporaryPassword) {
    JsonObject body =
        new JsonObject()
            .put(
                "passwordProfile",
                new JsonObject()
                    .put("forceChangePasswordNextSignIn", true)
                    .put("password", new String(temporaryPassword)));
    expectOk(call("PATCH", "/users/" + enc(account.id()), body.encode()), "resetting the password");
  }

  @Override
  public void unlock(DirectoryAccount account) {
    throw DirectoryException.refused("Entra ID has no unlock; smart lockout clears itself");
  }

  @Override
  public void ping() {
    bearer();
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(settings.graphUrl() + path))
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + bearer())
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(b.build());
  }

  private synchronized String bearer() {
    if (token != null && clock.instant().isBefore(tokenExpires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&scope="
            + enc("https://graph.microsoft.com/.default")
            + "&client_id="
            + enc(settings.clientId())
            + "&client_secret="
            + enc(settings.clientSecret());
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (r.statusCode() != 200) {
      throw DirectoryException.unavailable(
          "Entra ID refused the app's credentials (HTTP " + r.statusCode() + ")");
    }
    JsonObject t = json(r.body());
    token = t.getString("access_token");
    long life = Math.max(60, t.getLong("expires_in", 3600L) - 60);
    tokenExpires = clock.instant().plusSeconds(life);
    return token;
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw DirectoryException.unavailable(
          "Microsoft Graph did not answer (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DirectoryException.unavailable("interrupted while calling Microsoft Graph");
    }
  }

  private static String expectOk(HttpResponse<String> r, String doing) {
    int s = r.statusCode();
    if (s >= 200 && s < 300) {
      return r.body();
    }
    // Graph's error body names the problem (e.g. a password policy), never the request's values.
    String code = "";
    try {
      code = " " + json(r.body()).getJsonObject("error", new JsonObject()).getString("code", "");
    } catch (DirectoryException ignored) {
      // not JSON
    }
    if (s == 429 || s >= 500) {
      throw DirectoryException.unavailable(
          "Microsoft Graph failed while " + doing + " (HTTP " + s + code + ")");
    }
    throw DirectoryException.refused(
        "Microsoft Graph refused " + doing + " (HTTP " + s + code + ")");
  }

  private static JsonObject json(String body) {
    try {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    } catch (DecodeException e) {
      throw DirectoryException.unavailable(
          "Microsoft Graph answered with something other than JSON");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
