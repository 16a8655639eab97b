package io.frontdesk.desk.api;

import static io.frontdesk.desk.api.DeskRoutes.body;
import static io.frontdesk.desk.api.DeskRoutes.principal;
import static io.frontdesk.desk.api.TicketRoutes.doc;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.config.DeskConfigService;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.routing.RoutingRule;
import io.frontdesk.desk.ticket.SimilarTickets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.bson.Document;

/**
 * {@code /api/desk/config/...}: the business calendar, SLA policy, resolver groups and routing
 * rules, read by agents and managers, changed by admins while the server runs (no restart). Also
 * the agents' similar-tickets lookup. A part the desk was built without is not mounted (404).
 */
final class DeskConfigRoutes {
  private final DeskRoutes api;
  private final DeskConfigService config;
  private final SimilarTickets similar;

  DeskConfigRoutes(DeskRoutes api, DeskConfigService config, SimilarTickets similar) {
    this.api = api;
    this.config = config;
    this.similar = similar;
  }

  void mount(Router r) {
    if (similar != null) {
      r.get("/api/desk/tickets/:ref/similar").handler(this::similarToTicket);
      r.get("/api/desk/similar").handler(this::similarToText);
    }
    if (config == null) {
      return;
    }
    r.get("/api/desk/config/calendar").handler(this::calendar);
    r.put("/api/desk/config/calendar").handler(this::putCalendar);
    r.get("/api/desk/config/sla-policy").handler(this::policy);
    r.put("/api/desk/config/sla-policy").handler(this::putPolicy);
    r.get("/api/desk/config/groups").handler(this::groups);
    r.put("/api/desk/config/groups/:id").handler(this::putGroup);
    r.get("/api/desk/config/routing-rules").handler(this::rules);
    r.put("/api/desk/config/routing-rules/:id").handler(this::putRule);
    r.delete("/api/desk/config/routing-rules/:id").handler(this::deleteRule);
  }

  private void similarToTicket(RoutingContext ctx) {
    Principal p = principal(ctx);
    int limit = DeskRoutes.intParam(ctx, "limit", 5, 1, SimilarTickets.MAX_LIMIT);
    api.respond(ctx, 200, () -> TicketRoutes.docs(similar.like(p, ctx.pathParam("ref"), limit)));
  }

  private void similarToText(RoutingContext ctx) {
    Principal p = principal(ctx);
    int limit = DeskRoutes.intParam(ctx, "limit", 5, 1, SimilarTickets.MAX_LIMIT);
    String desk = ctx.request().getParam("desk", "staff");
    String text = ctx.request().getParam("text");
    api.respond(ctx, 200, () -> TicketRoutes.docs(similar.like(p, desk, text, limit)));
  }

  private static Document bson(RoutingContext ctx) {
    return Document.parse(body(ctx).encode());
  }

  private void calendar(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> doc(config.getCalendar(p)));
  }

  private void putCalendar(RoutingContext ctx) {
    Principal p = principal(ctx);
    Document b = bson(ctx);
    api.respond(ctx, 200, () -> doc(config.putCalendar(p, b)));
  }

  private void policy(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> doc(config.getPolicy(p)));
  }

  private void putPolicy(RoutingContext ctx) {
    Principal p = principal(ctx);
    Document b = bson(ctx);
    api.respond(ctx, 200, () -> doc(config.putPolicy(p, b)));
  }

  static JsonObject group(ResolverGroup g) {
    return new JsonObject()
        .put("id", g.id())
        .put("name", g.name())
        .put("desk", g.desk())
        .put("level", g.level())
        .put("capacity", g.capacity());
  }

  static JsonObject rule(RoutingRule r) {
    return new JsonObject()
        .put("id", r.id())
        .put("order", r.order())
        .put("desk", r.desk())
        .put("services", r.services())
        .put("categories", r.categories())
        .put("keywords", r.keywords())
        .put("groupId", r.groupId());
  }

  private void groups(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () -> new JsonArray(config.groups(p).stream().map(DeskConfigRoutes::group).toList()));
  }

  private void putGroup(RoutingContext ctx) {
    Principal p = principal(ctx);
    Document b = bson(ctx);
    api.respond(ctx, 200, () -> group(config.putGroup(p, ctx.pathParam("id"), b)));
  }

  private void rules(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () -> new JsonArray(config.rules(p).stream().map(DeskConfigRoutes::rule).toList()));
  }

  private void putRule(RoutingContext ctx) {
    Principal p = principal(ctx);
    Document b = bson(ctx);
    api.respond(ctx, 200, () -> rule(config.putRule(p, ctx.pathParam("id"), b)));
  }

  private void deleteRule(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx, 200, () -> new JsonObject().put("deleted", config.deleteRule(p, ctx.pathParam("id"))));
  }
}
