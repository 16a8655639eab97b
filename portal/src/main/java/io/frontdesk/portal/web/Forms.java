package io.frontdesk.portal.web;

import io.vertx.ext.web.RoutingContext;

/** Reading submitted form fields. */
public final class Forms {
  private Forms() {}

  /** The field's value, stripped; "" when absent. */
  public static String field(RoutingContext ctx, String name) {
    String v = ctx.request().getFormAttribute(name);
    return v == null ? "" : v.strip();
  }

  /** A query parameter, stripped; "" when absent. */
  public static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null ? "" : v.strip();
  }
}
