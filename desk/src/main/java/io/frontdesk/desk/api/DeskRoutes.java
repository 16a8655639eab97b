package io.frontdesk.desk.api;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Callable;

/**
 * The desk's JSON API under {@code /api/desk} (documented in docs/openapi-desk.yaml).
 *
 * <p>Authentication is upstream: the portal's session handler, the bot, or a service token puts the
 * verified {@link Principal} on the context with {@link Principals#set} before these routes run; a
 * request without one gets 401. Every read and write checks roles and tenancy in the services, so
 * the bot and the portal get the same checks when they call them directly.
 */
public final class DeskRoutes {
  /** Large enough for a bot transcript; everything else is far smaller. */
  public static final long BODY_LIMIT = 512 * 1024;

  private final io.vertx.core.Vertx vertx;
  private final Blocking blocking;
  private final TicketRoutes tickets;
  private final DeskAdminRoutes admin;
  private final DeskConfigRoutes config;

  public DeskRoutes(io.vertx.core.Vertx vertx, Blocking blocking, Desk desk) {
    this.vertx = vertx;
    this.blocking = blocking;
    this.tickets = new TicketRoutes(this, desk);
    this.admin = new DeskAdminRoutes(this, desk);
    this.config = new DeskConfigRoutes(this, desk.config(), desk.similar());
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.route("/api/desk/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    r.route("/api/desk/*").handler(this::requirePrincipal);
    tickets.mount(r);
    admin.mount(r);
    config.mount(r);
    r.route("/api/desk/*")
        .last()
        .handler(
            ctx ->
                ctx.fail(
                    ApiException.notFound(
                        "There is no desk API at " + ctx.normalizedPath() + ".")));
    r.route("/api/desk/*").failureHandler(DeskRoutes::failure);
    return r;
  }

  private void requirePrincipal(RoutingContext ctx) {
    Principals.require(ctx);
    ctx.next();
  }

  /** Field errors carry one message per field; everything else goes to the shared handler. */
  static void failure(RoutingContext ctx) {
    if (ctx.failure() instanceof FieldErrors fe && !ctx.response().headWritten()) {
      ctx.response()
          .setStatusCode(400)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(
              new JsonObject()
                  .put("error", fe.getMessage())
                  .put("status", 400)
                  .put("fields", new JsonObject(new java.util.HashMap<>(fe.fields())))
                  .encode());
      return;
    }
    HttpErrors.handle(ctx);
  }

  /** Runs blocking work off the event loop and writes its JSON result with the status. */
  <T> void respond(RoutingContext ctx, int status, Callable<T> work) {
    blocking
        .call(work)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              Object v = ar.result();
              String body =
                  v instanceof JsonObject j
                      ? j.encode()
                      : v instanceof io.vertx.core.json.JsonArray a
                          ? a.encode()
                          : String.valueOf(v);
              ctx.response()
                  .setStatusCode(status)
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(body);
            });
  }

  /** Runs blocking work that produces text of the given type (CSV). */
  void respondText(RoutingContext ctx, String contentType, String filename, Callable<String> work) {
    blocking
        .call(work)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", contentType)
                  .putHeader("Cache-Control", "no-store")
                  .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                  .end(ar.result());
            });
  }

  static Principal principal(RoutingContext ctx) {
    return Principals.require(ctx);
  }

  static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject j = ctx.body().asJsonObject();
      return j == null ? new JsonObject() : j;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
  }

  static String str(JsonObject j, String key) {
    Object v = j.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiException.badRequest(key + " must be a string");
    }
    return s;
  }

  static Integer integer(JsonObject j, String key) {
    Object v = j.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.badRequest(key + " must be a whole number");
    }
    return n.intValue();
  }

  static int intParam(RoutingContext ctx, String name, int def, int min, int max) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
    }
  }

  static Channel channel(JsonObject j) {
    String c = str(j, "channel");
    return c == null ? Channel.API : Channel.parse(c);
  }

  static TicketType type(JsonObject j) {
    String t = str(j, "type");
    return t == null ? TicketType.INCIDENT : TicketType.parse(t);
  }

  static TicketStatus status(String s) {
    return TicketStatus.parse(s);
  }

  static JsonObject created(CreateResult r, boolean internal) {
    return new JsonObject()
        .put("ticket", r.ticket().toJson(internal))
        .put("linkedToExisting", r.linkedToExisting())
        .put("majorIncident", r.majorIncident() == null ? null : r.majorIncident().reference());
  }

  static void requireRole(Principal p, Role... roles) {
    if (!p.hasAny(roles)) {
      throw ApiException.forbidden("You do not have permission to do that.");
    }
  }
}
