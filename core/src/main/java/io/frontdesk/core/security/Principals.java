package io.frontdesk.core.security;

import io.frontdesk.core.http.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The signed-in principal of a request. An authentication handler (the portal's session, the bot's
 * verified activity, a service token) puts it on the routing context with {@link #set}; routes read
 * it with {@link #current} or demand it with {@link #require}.
 */
public final class Principals {
  private static final String KEY = "frontdesk.principal";

  private Principals() {}

  public static void set(RoutingContext ctx, Principal principal) {
    ctx.put(KEY, principal);
  }

  public static Optional<Principal> current(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  /** The principal, or a 401. */
  public static Principal require(RoutingContext ctx) {
    return current(ctx).orElseThrow(() -> ApiException.unauthorized("Sign in first."));
  }

  /** The principal if it holds one of the roles; 401 if nobody is signed in, 403 otherwise. */
  public static Principal requireAny(RoutingContext ctx, Role... roles) {
    Principal p = require(ctx);
    if (!p.hasAny(roles)) {
      throw ApiException.forbidden("You do not have permission to do that.");
    }
    return p;
  }
}
