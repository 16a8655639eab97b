package io.frontdesk.portal.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The portal's static files, loaded once at start-up and served from memory under fingerprinted
 * names ({@code /assets/portal.3f2a1b9c0d.css}), so they can be cached for a year and a new release
 * is never served stale.
 *
 * <p>GOV.UK Frontend comes from its WebJar. Its stylesheet is rewritten on load: the GDS Transport
 * font (GOV.UK's own typeface, which only GOV.UK may use) and its {@code @font-face} rules are
 * removed, so text falls back to Arial; source-map comments go too. The crown is never used.
 */
public final class Assets {
  public static final String PREFIX = "/assets/";
  static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/5.7.1/dist/govuk/";
  static final String OWN = "io/frontdesk/portal/assets/";

  private record Asset(Buffer body, String contentType) {}

  private final Map<String, Asset> byFile = new HashMap<>();
  private final Map<String, String> urlByName = new HashMap<>();

  /**
   * @param brandColour the council's colour, put into the portal stylesheet
   */
  public Assets(String brandColour) {
    String govukCss = rewriteGovukCss(read(GOVUK + "govuk-frontend.min.css"));
    add("govuk.css", govukCss, "text/css; charset=utf-8");
    add("govuk.js", stripSourceMap(read(GOVUK + "govuk-frontend.min.js")), js());
    add("portal.css", read(OWN + "portal.css").replace("#1d70b8", brandColour), css());
    // portal.js imports GOV.UK Frontend by its fingerprinted name.
    add("portal.js", read(OWN + "portal.js").replace("GOVUK_JS", url("govuk.js")), js());
    add("ops.css", read(OWN + "ops.css"), css());
    add("ops.js", read(OWN + "ops.js"), js());
    add("favicon.svg", read(OWN + "favicon.svg").replace("#1d70b8", brandColour), "image/svg+xml");
  }

  private static String css() {
    return "text/css; charset=utf-8";
  }

  private static String js() {
    return "text/javascript; charset=utf-8";
  }

  /** The fingerprinted URL of a named asset, e.g. {@code url("portal.css")}. */
  public String url(String name) {
    String u = urlByName.get(name);
    if (u == null) {
      throw new IllegalArgumentException("no asset " + name);
    }
    return u;
  }

  /** GET /assets/:file. Unknown (or stale) names are 404s. */
  public void serve(RoutingContext ctx) {
    String path = ctx.request().path();
    Asset a = path.startsWith(PREFIX) ? byFile.get(path.substring(PREFIX.length())) : null;
    if (a == null) {
      ctx.response().setStatusCode(404).putHeader("Cache-Control", "no-store").end();
      return;
    }
    ctx.response()
        .putHeader("Content-Type", a.contentType())
        .putHeader("Cache-Control", "public, max-age=31536000, immutable")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(a.body());
  }

  static String rewriteGovukCss(String css) {
    return stripSourceMap(css)
        .replaceAll("@font-face\\{[^}]*\\}", "")
        .replace("font-family:GDS Transport,", "font-family:");
  }

  private static String stripSourceMap(String s) {
    return s.replaceAll("/\\*# sourceMappingURL=[^*]*\\*/", "")
        .replaceAll("//# sourceMappingURL=\\S*", "");
  }

  private void add(String name, String content, String type) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String dot = name.substring(name.lastIndexOf('.'));
    String file = name.substring(0, name.lastIndexOf('.')) + "." + hash(bytes) + dot;
    byFile.put(file, new Asset(Buffer.buffer(bytes), type));
    urlByName.put(name, PREFIX + file);
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
