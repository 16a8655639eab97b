package io.frontdesk.desk.api;

import static io.frontdesk.desk.api.DeskRoutes.body;
import static io.frontdesk.desk.api.DeskRoutes.channel;
import static io.frontdesk.desk.api.DeskRoutes.intParam;
import static io.frontdesk.desk.api.DeskRoutes.integer;
import static io.frontdesk.desk.api.DeskRoutes.principal;
import static io.frontdesk.desk.api.DeskRoutes.str;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.QueueQuery;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketAccess;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/** Tickets, comments, transitions, queues, requests, CSAT: the routes requesters and agents use. */
final class TicketRoutes {
  private final DeskRoutes api;
  private final Desk desk;

  TicketRoutes(DeskRoutes api, Desk desk) {
    this.api = api;
    this.desk = desk;
  }

  void mount(Router r) {
    r.post("/api/desk/tickets").handler(this::validateCreate).handler(this::create);
    r.get("/api/desk/tickets").handler(this::list);
    r.get("/api/desk/tickets/:ref").handler(this::get);
    r.get("/api/desk/tickets/:ref/comments").handler(this::comments);
    r.post("/api/desk/tickets/:ref/comments").handler(this::comment);
    r.get("/api/desk/tickets/:ref/events").handler(this::events);
    r.post("/api/desk/tickets/:ref/transitions").handler(this::transition);
    r.post("/api/desk/tickets/:ref/reopen").handler(this::reopen);
    r.post("/api/desk/tickets/:ref/assign").handler(this::assign);
    r.put("/api/desk/tickets/:ref/transcript").handler(this::transcript);
    r.post("/api/desk/tickets/:ref/articles").handler(this::linkArticle);
    r.post("/api/desk/tickets/:ref/major-incident").handler(this::declareMajor);
    r.post("/api/desk/tickets/:ref/parent").handler(this::linkParent);
    r.post("/api/desk/tickets/:ref/csat").handler(this::rate);
    r.get("/api/desk/queues").handler(this::queues);
    r.get("/api/desk/queues/:group/tickets").handler(this::queue);
    r.get("/api/desk/catalogue").handler(this::catalogue);
    r.get("/api/desk/catalogue/:id").handler(this::catalogueItem);
    r.post("/api/desk/requests").handler(this::request);
  }

  private void validateCreate(RoutingContext ctx) {
    JsonObject b = body(ctx);
    if (b.getValue("title") == null || b.getValue("service") == null) {
      throw ApiException.badRequest("title and service are required");
    }
    ctx.put("body", b);
    ctx.next();
  }

  private void create(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = ctx.get("body");
    NewTicket n =
        new NewTicket(
            DeskRoutes.type(b),
            channel(b),
            str(b, "service"),
            str(b, "category"),
            str(b, "title"),
            str(b, "description"),
            integer(b, "impact"),
            integer(b, "urgency"),
            str(b, "onBehalfOf"),
            str(b, "transcript"),
            null);
    api.respond(
        ctx, 201, () -> DeskRoutes.created(desk.tickets().create(p, n), TicketAccess.isAgent(p)));
  }

  private void list(RoutingContext ctx) {
    Principal p = principal(ctx);
    String scope = ctx.request().getParam("scope", "mine");
    int page = intParam(ctx, "page", 0, 0, 100_000);
    int size = intParam(ctx, "size", 25, 1, QueueQuery.MAX_SIZE);
    boolean open = "true".equals(ctx.request().getParam("open"));
    api.respond(
        ctx,
        200,
        () -> {
          Page<Ticket> result =
              switch (scope) {
                case "mine" -> desk.tickets().mine(p, open, page, size);
                case "school" ->
                    desk.tickets()
                        .school(
                            p,
                            p.schoolId()
                                .orElseThrow(
                                    () ->
                                        ApiException.forbidden("Only school users have a school.")),
                            page,
                            size);
                default -> throw ApiException.badRequest("scope must be mine or school");
              };
          return page(result, p);
        });
  }

  static JsonObject page(Page<Ticket> result, Principal p) {
    boolean internal = TicketAccess.isAgent(p);
    return new JsonObject()
        .put("items", new JsonArray(result.items().stream().map(t -> t.toJson(internal)).toList()))
        .put("page", result.page())
        .put("size", result.size())
        .put("total", result.total());
  }

  /** A queue page: rows (see {@link TicketSummary#toJson}), not whole tickets. */
  static JsonObject rows(Page<TicketSummary> result) {
    return new JsonObject()
        .put("items", new JsonArray(result.items().stream().map(TicketSummary::toJson).toList()))
        .put("page", result.page())
        .put("size", result.size())
        .put("total", result.total());
  }

  private void get(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () -> desk.tickets().get(p, ctx.pathParam("ref")).toJson(TicketAccess.isAgent(p)));
  }

  private void comments(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> docs(desk.tickets().comments(p, ctx.pathParam("ref"))));
  }

  private void comment(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    boolean isPublic =
        b.getValue("public") == null ? true : Boolean.TRUE.equals(b.getValue("public"));
    api.respond(
        ctx,
        201,
        () ->
            doc(
                desk.tickets()
                    .comment(p, ctx.pathParam("ref"), str(b, "text"), isPublic, channel(b))));
  }

  private void events(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> docs(desk.tickets().history(p, ctx.pathParam("ref"))));
  }

  private void transition(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    String to = str(b, "to");
    if (to == null) {
      throw ApiException.badRequest("to is required: the status to move to");
    }
    TicketStatus status = TicketStatus.parse(to);
    api.respond(
        ctx,
        200,
        () ->
            desk.lifecycle()
                .transition(p, ctx.pathParam("ref"), status, str(b, "note"), channel(b))
                .toJson(TicketAccess.isAgent(p)));
  }

  private void reopen(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.lifecycle()
                .reopen(p, ctx.pathParam("ref"), str(b, "reason"), channel(b))
                .toJson(TicketAccess.isAgent(p)));
  }

  private void assign(RoutingContext ctx) {
    Principal p = principal(ctx);
    TicketAccess.requireAgent(p);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.lifecycle()
                .assign(
                    p, ctx.pathParam("ref"), str(b, "groupId"), str(b, "assigneeId"), channel(b))
                .toJson(true));
  }

  private void transcript(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.tickets()
                .attachTranscript(p, ctx.pathParam("ref"), str(b, "transcript"), channel(b))
                .toJson(TicketAccess.isAgent(p)));
  }

  private void linkArticle(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.tickets()
                .linkArticle(p, ctx.pathParam("ref"), str(b, "articleId"), channel(b))
                .toJson(true));
  }

  private void declareMajor(RoutingContext ctx) {
    Principal p = principal(ctx);
    TicketAccess.requireAgent(p);
    api.respond(
        ctx,
        200,
        () ->
            desk.lifecycle()
                .declareMajorIncident(p, ctx.pathParam("ref"), channel(body(ctx)))
                .toJson(true));
  }

  private void linkParent(RoutingContext ctx) {
    Principal p = principal(ctx);
    TicketAccess.requireAgent(p);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.lifecycle()
                .linkToMajorIncident(p, ctx.pathParam("ref"), str(b, "parent"), channel(b))
                .toJson(true));
  }

  private void rate(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    Integer rating = integer(b, "rating");
    if (rating == null) {
      throw ApiException.badRequest("rating is required: a whole number from 1 to 5");
    }
    api.respond(
        ctx,
        201,
        () ->
            doc(desk.csat().rate(p, ctx.pathParam("ref"), rating, str(b, "comment"), channel(b))));
  }

  private void queues(RoutingContext ctx) {
    Principal p = principal(ctx);
    TicketAccess.requireAgent(p);
    api.respond(
        ctx,
        200,
        () -> {
          JsonArray out = new JsonArray();
          for (var g : desk.groups().all()) {
            long open = desk.tickets().repository().openInGroup(g.id());
            out.add(
                new JsonObject()
                    .put("id", g.id())
                    .put("name", g.name())
                    .put("desk", g.desk())
                    .put("level", g.level())
                    .put("capacity", g.capacity())
                    .put("open", open)
                    .put("oversubscribed", open > g.capacity()));
          }
          return out;
        });
  }

  private void queue(RoutingContext ctx) {
    Principal p = principal(ctx);
    TicketAccess.requireAgent(p);
    QueueQuery q =
        new QueueQuery(
            ctx.pathParam("group"),
            list(ctx, "status").stream().map(TicketStatus::parse).toList(),
            list(ctx, "priority"),
            ctx.request().getParam("assignee"),
            ctx.request().getParam("sla"),
            ctx.request().getParam("sort"),
            intParam(ctx, "page", 0, 0, 100_000),
            intParam(ctx, "size", 25, 1, QueueQuery.MAX_SIZE));
    api.respond(
        ctx,
        200,
        () -> {
          if (desk.groups().byId(q.groupId()).isEmpty()) {
            throw ApiException.notFound("There is no queue " + q.groupId() + ".");
          }
          return rows(desk.tickets().queue(p, q));
        });
  }

  private static List<String> list(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank()
        ? List.of()
        : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private void catalogue(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () ->
            new JsonObject()
                .put("services", desk.catalogue().services())
                .put(
                    "items",
                    new JsonArray(
                        desk.catalogue().itemsFor(p).stream().map(i -> i.toJson()).toList())));
  }

  private void catalogueItem(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> desk.catalogue().requestable(ctx.pathParam("id"), p).toJson());
  }

  private void request(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    String item = str(b, "itemId");
    if (item == null) {
      throw ApiException.badRequest("itemId is required: the catalogue item to request");
    }
    Object form = b.getValue("form");
    if (form != null && !(form instanceof JsonObject)) {
      throw ApiException.badRequest("form must be an object of field names to values");
    }
    api.respond(
        ctx,
        201,
        () ->
            DeskRoutes.created(
                desk.requests().submit(p, item, (JsonObject) form, channel(b)),
                TicketAccess.isAgent(p)));
  }

  static JsonObject doc(Document d) {
    return d == null ? null : new JsonObject(d.toJson(JSON));
  }

  static JsonArray docs(List<Document> ds) {
    return new JsonArray(ds.stream().map(TicketRoutes::doc).toList());
  }

  static final org.bson.json.JsonWriterSettings JSON =
      org.bson.json.JsonWriterSettings.builder()
          .outputMode(org.bson.json.JsonMode.RELAXED)
          .dateTimeConverter((v, w) -> w.writeString(java.time.Instant.ofEpochMilli(v).toString()))
          .build();
}
