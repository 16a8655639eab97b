package io.frontdesk.desk.api;

import static io.frontdesk.desk.api.DeskRoutes.body;
import static io.frontdesk.desk.api.DeskRoutes.channel;
import static io.frontdesk.desk.api.DeskRoutes.intParam;
import static io.frontdesk.desk.api.DeskRoutes.principal;
import static io.frontdesk.desk.api.DeskRoutes.str;
import static io.frontdesk.desk.api.TicketRoutes.doc;
import static io.frontdesk.desk.api.TicketRoutes.docs;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.mi.MiService;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.ticket.TicketAccess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Approvals, Early Life Support projects, schools, problems, self-service events and figures. */
final class DeskAdminRoutes {
  private final DeskRoutes api;
  private final Desk desk;

  DeskAdminRoutes(DeskRoutes api, Desk desk) {
    this.api = api;
    this.desk = desk;
  }

  void mount(Router r) {
    r.get("/api/desk/approvals").handler(this::approvals);
    r.post("/api/desk/approvals/:id/decision").handler(this::decide);
    r.get("/api/desk/projects").handler(this::projects);
    r.get("/api/desk/projects/:id").handler(this::project);
    r.get("/api/desk/projects/:id/tickets").handler(this::projectLog);
    r.get("/api/desk/projects/:id/trends").handler(this::trends);
    r.post("/api/desk/projects/:id/handover").handler(this::handover);
    r.post("/api/desk/projects/:id/window").handler(this::window);
    r.get("/api/desk/schools").handler(this::schools);
    r.get("/api/desk/schools/:id").handler(this::school);
    r.get("/api/desk/schools/:id/tickets").handler(this::schoolTickets);
    r.get("/api/desk/schools/:id/metrics").handler(this::schoolMetrics);
    r.get("/api/desk/metrics").handler(this::metrics);
    r.get("/api/desk/metrics.csv").handler(this::metricsCsv);
    r.post("/api/desk/self-service").handler(this::selfService);
    r.get("/api/desk/problems").handler(this::problems);
    r.post("/api/desk/problems").handler(this::createProblem);
    r.get("/api/desk/problems/:id").handler(this::problem);
    r.post("/api/desk/problems/:id/incidents").handler(this::linkIncident);
    r.post("/api/desk/problems/:id/known-error").handler(this::knownError);
  }

  private void approvals(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> docs(desk.approvals().pendingFor(p)));
  }

  private void decide(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    String decision = str(b, "decision");
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      throw ApiException.badRequest("decision must be approve or reject");
    }
    api.respond(
        ctx,
        200,
        () ->
            doc(
                desk.approvals()
                    .decide(
                        p,
                        ctx.pathParam("id"),
                        "approve".equals(decision),
                        str(b, "comment"),
                        channel(b))));
  }

  static JsonObject project(ElsProject p) {
    return new JsonObject()
        .put("id", p.id())
        .put("name", p.name())
        .put("services", p.services())
        .put("applications", p.applications())
        .put("keywords", p.keywords())
        .put("start", p.start().toString())
        .put("end", p.end().toString())
        .put("elsGroupId", p.elsGroupId())
        .put("projectGroupId", p.projectGroupId())
        .put("ownerId", p.ownerId())
        .put("afterWindow", p.afterWindow())
        .put("closed", p.closed())
        .put("inWindow", p.inWindow(Instant.now()));
  }

  private void projects(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () -> new JsonArray(desk.els().list(p).stream().map(DeskAdminRoutes::project).toList()));
  }

  private void project(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> project(desk.els().get(p, ctx.pathParam("id"))));
  }

  private void projectLog(RoutingContext ctx) {
    Principal p = principal(ctx);
    int page = intParam(ctx, "page", 0, 0, 100_000);
    int size = intParam(ctx, "size", 25, 1, 100);
    api.respond(
        ctx, 200, () -> TicketRoutes.page(desk.els().log(p, ctx.pathParam("id"), page, size), p));
  }

  private void trends(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> doc(desk.els().trends(p, ctx.pathParam("id"))));
  }

  private void handover(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            desk.els()
                .handover(p, ctx.pathParam("id"), str(b, "reference"), str(b, "note"))
                .toJson(true));
  }

  /** {"end": ISO instant} moves the end; {"close": "stay"|"move"} ends the window now. */
  private void window(RoutingContext ctx) {
    Principal p = principal(ctx);
    if (!TicketAccess.isAgent(p) && !p.has(Role.MANAGER)) {
      throw ApiException.forbidden(
          "Early Life Support projects are for the desk's agents and managers.");
    }
    JsonObject b = body(ctx);
    String close = str(b, "close");
    String end = str(b, "end");
    if ((close == null) == (end == null)) {
      throw ApiException.badRequest("Send either end (an ISO date-time) or close (stay or move).");
    }
    if (close != null) {
      api.respond(
          ctx,
          200,
          () ->
              new JsonObject().put("moved", desk.els().closeWindow(p, ctx.pathParam("id"), close)));
    } else {
      Instant at = instant("end", end);
      api.respond(ctx, 200, () -> project(desk.els().extend(p, ctx.pathParam("id"), at)));
    }
  }

  static JsonObject school(School s) {
    return new JsonObject()
        .put("id", s.id())
        .put("name", s.name())
        .put("tier", s.tier())
        .put("covered", s.covered())
        .put("onsiteDaysIncluded", s.onsiteDaysIncluded())
        .put("onsiteDaysUsed", s.onsiteDaysUsed())
        .put("onsiteDaysLeft", s.onsiteDaysLeft());
  }

  private void schools(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(
        ctx,
        200,
        () -> {
          List<School> list =
              TicketAccess.isAgent(p) || p.has(Role.MANAGER)
                  ? desk.schools().all()
                  : p.schoolId().flatMap(desk.schools()::byId).map(List::of).orElse(List.of());
          return new JsonArray(list.stream().map(DeskAdminRoutes::school).toList());
        });
  }

  private School visibleSchool(Principal p, String id) {
    boolean own = p.schoolId().map(id::equals).orElse(false);
    if (!own && !TicketAccess.isAgent(p) && !p.has(Role.MANAGER)) {
      throw ApiException.notFound("There is no school " + id + " that you can see.");
    }
    return desk.schools()
        .byId(id)
        .orElseThrow(
            () -> ApiException.notFound("There is no school " + id + " that you can see."));
  }

  private void school(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> school(visibleSchool(p, ctx.pathParam("id"))));
  }

  private void schoolTickets(RoutingContext ctx) {
    Principal p = principal(ctx);
    int page = intParam(ctx, "page", 0, 0, 100_000);
    int size = intParam(ctx, "size", 25, 1, 100);
    api.respond(
        ctx,
        200,
        () -> TicketRoutes.page(desk.tickets().school(p, ctx.pathParam("id"), page, size), p));
  }

  private void schoolMetrics(RoutingContext ctx) {
    Principal p = principal(ctx);
    Instant[] period = period(ctx);
    api.respond(
        ctx, 200, () -> doc(desk.mi().figures(p, ctx.pathParam("id"), period[0], period[1])));
  }

  private void metrics(RoutingContext ctx) {
    Principal p = principal(ctx);
    Instant[] period = period(ctx);
    String school = ctx.request().getParam("school");
    api.respond(ctx, 200, () -> doc(desk.mi().figures(p, school, period[0], period[1])));
  }

  private void metricsCsv(RoutingContext ctx) {
    Principal p = principal(ctx);
    Instant[] period = period(ctx);
    String school = ctx.request().getParam("school");
    api.respondText(
        ctx,
        "text/csv; charset=utf-8",
        "desk-metrics.csv",
        () -> MiService.csv(desk.mi().figures(p, school, period[0], period[1])));
  }

  /** ?from=&to= as ISO instants; the default is the last 30 days. */
  private static Instant[] period(RoutingContext ctx) {
    String to = ctx.request().getParam("to");
    String from = ctx.request().getParam("from");
    Instant end = to == null ? Instant.now() : instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
    return new Instant[] {start, end};
  }

  private static Instant instant(String name, String v) {
    try {
      return v.length() == 10
          ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be a date (2026-03-31) or an ISO date-time (2026-03-31T09:00:00Z)");
    }
  }

  private void selfService(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    String subject = str(b, "subject");
    if (subject == null || subject.isBlank() || subject.length() > 200) {
      throw ApiException.badRequest("subject is required: the article or catalogue item id");
    }
    api.respond(
        ctx,
        201,
        () -> {
          desk.selfService().record(p, str(b, "kind"), subject, channel(b));
          return new JsonObject().put("recorded", true);
        });
  }

  private void problems(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> docs(desk.problems().list(p)));
  }

  private void createProblem(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    JsonArray incidents = b.getJsonArray("incidents", new JsonArray());
    List<String> refs = incidents.stream().map(String::valueOf).toList();
    api.respond(
        ctx,
        201,
        () ->
            doc(
                desk.problems()
                    .create(p, str(b, "title"), str(b, "description"), str(b, "service"), refs)));
  }

  private void problem(RoutingContext ctx) {
    Principal p = principal(ctx);
    api.respond(ctx, 200, () -> doc(desk.problems().get(p, ctx.pathParam("id"))));
  }

  private void linkIncident(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () -> doc(desk.problems().linkIncident(p, ctx.pathParam("id"), str(b, "reference"))));
  }

  private void knownError(RoutingContext ctx) {
    Principal p = principal(ctx);
    JsonObject b = body(ctx);
    api.respond(
        ctx,
        200,
        () ->
            doc(
                desk.problems()
                    .knownError(
                        p,
                        ctx.pathParam("id"),
                        str(b, "rootCause"),
                        str(b, "workaround"),
                        str(b, "audience"))));
  }
}
