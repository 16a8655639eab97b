package io.frontdesk.portal.auth;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Role checks for portal pages, chained before the page handler: {@code
 * router.get("/x").handler(Guard::signedIn).handler(Guard.anyOf(Role.AGENT)).handler(this::x)}.
 * Someone not signed in is sent to the sign-in page and brought back afterwards; someone signed in
 * without the role gets a 403 page. Tenancy (which school's data) is checked by the services, which
 * answer 404 for another school's records.
 */
public final class Guard {
  private Guard() {}

  public static void signedIn(RoutingContext ctx) {
    if (Principals.current(ctx).isPresent()) {
      ctx.next();
      return;
    }
    // Back to the same page, query included (a search), if it is short enough to carry.
    String next =
        ctx.request().method() == io.vertx.core.http.HttpMethod.GET
            ? safeNext(ctx.request().uri())
            : "/";
    ctx.response()
        .setStatusCode(303)
        .putHeader("Location", "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
        .putHeader("Cache-Control", "no-store")
        .end();
  }

  public static Handler<RoutingContext> anyOf(Role... roles) {
    return ctx -> {
      Principal p = Principals.require(ctx);
      if (!p.hasAny(roles)) {
        ctx.fail(ApiException.forbidden("You do not have permission to see this page."));
        return;
      }
      ctx.next();
    };
  }

  /** A same-site path to return to after sign-in; anything else becomes the home page. */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.length() > 200
        || next.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
      return "/";
    }
    return next;
  }
}
