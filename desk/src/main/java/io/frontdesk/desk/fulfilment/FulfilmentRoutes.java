package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.ticket.Channel;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Self-service fulfilment over JSON, for the portal's pages and other clients:
 *
 * <ul>
 *   <li>{@code POST /api/fulfilment/start {"kind":"reset"|"unlock", "channel":"portal"|"api"}}
 *       sends a code: {@code
 *       {"outcome":"code-sent","flowId":..,"sentTo":..,"expiresAt":..,"attemptsLeft":3}}
 *   <li>{@code POST /api/fulfilment/verify {"flowId":..,"code":"123456"}} makes the change: {@code
 *       {"outcome":"password-reset","temporaryPassword":..,"ticket":"REQ-.."}}
 * </ul>
 *
 * The signed-in principal (put on the context upstream) is the requester; a request without one
 * gets 401. Refusals answer with the outcome's HTTP status and the usual {@code error} field.
 * Responses are {@code no-store}: a temporary password must not sit in a cache.
 */
public final class FulfilmentRoutes {
  static final String FLOW = "fulfilment.flow";
  private final Vertx vertx;
  private final Blocking blocking;
  private final SelfServiceFulfilment service;

  public FulfilmentRoutes(Vertx vertx, Blocking blocking, SelfServiceFulfilment service) {
    this.vertx = vertx;
    this.blocking = blocking;
    this.service = service;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.route("/api/fulfilment/*").handler(BodyHandler.create(false).setBodyLimit(4096));
    r.route("/api/fulfilment/*").handler(this::requirePrincipal);
    r.post("/api/fulfilment/start").handler(this::validateStart).handler(this::start);
    r.post("/api/fulfilment/verify").handler(this::validateVerify).handler(this::verify);
    r.route("/api/fulfilment/*")
        .last()
        .handler(
            ctx ->
                ctx.fail(
                    ApiException.notFound(
                        "There is no fulfilment API at "
                            + ctx.normalizedPath()
                            + "; use POST /api/fulfilment/start or /api/fulfilment/verify.")));
    return r;
  }

  private void requirePrincipal(RoutingContext ctx) {
    Principals.require(ctx);
    ctx.next();
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject b = ctx.body().asJsonObject();
      if (b == null) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      return b;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
  }

  private void validateStart(RoutingContext ctx) {
    JsonObject b = body(ctx);
    Object kind = b.getValue("kind");
    if (!(kind instanceof String k)) {
      throw ApiException.badRequest("kind is required: reset or unlock");
    }
    Channel channel = Channel.API;
    if (b.getValue("channel") != null) {
      // Teams requests come through the bot, which verifies the activity; not through this API.
      if (!(b.getValue("channel") instanceof String c)
          || !("portal".equals(c) || "api".equals(c))) {
        throw ApiException.badRequest("channel must be portal or api");
      }
      channel = Channel.parse(c);
    }
    // Over HTTP the answer goes only to the signed-in caller: a private conversation.
    ctx.put(
        FLOW, new StartRequest(Principals.require(ctx), FulfilmentKind.parse(k), channel, true));
    ctx.next();
  }

  private void start(RoutingContext ctx) {
    StartRequest req = ctx.get(FLOW);
    blocking.call(() -> service.start(req)).onComplete(r -> respond(ctx, r.result(), r.cause()));
  }

  private void validateVerify(RoutingContext ctx) {
    JsonObject b = body(ctx);
    if (!(b.getValue("flowId") instanceof String flowId) || !flowId.matches("[0-9a-f]{32}")) {
      throw ApiException.badRequest("flowId is required: the flowId that start returned");
    }
    if (!(b.getValue("code") instanceof String code) || !code.strip().matches("\\d{6}")) {
      throw ApiException.badRequest("code is required: the 6 digits we sent you");
    }
    ctx.put(FLOW, new String[] {flowId, code.strip()});
    ctx.next();
  }

  private void verify(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String[] args = ctx.get(FLOW);
    blocking
        .call(() -> service.verify(p, args[0], args[1]))
        .onComplete(r -> respond(ctx, r.result(), r.cause()));
  }

  private static void respond(RoutingContext ctx, Outcome o, Throwable failure) {
    if (failure != null) {
      ctx.fail(failure);
      return;
    }
    ctx.response()
        .setStatusCode(o.status().httpStatus())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(o.toJson().encode());
  }
}
