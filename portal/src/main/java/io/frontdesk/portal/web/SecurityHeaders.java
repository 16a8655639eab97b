package io.frontdesk.portal.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every portal response: a strict Content-Security-Policy (no inline script or
 * style, nothing from other origins), no framing, no MIME sniffing, no referrer beyond the origin,
 * and HSTS when the portal is served over HTTPS. Pages are personal, so they are never cached.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private final boolean https;

  public SecurityHeaders(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var h = ctx.response().headers();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (https) {
      h.set("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.next();
  }
}
