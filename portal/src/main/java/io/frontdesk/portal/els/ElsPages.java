package io.frontdesk.portal.els;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * Early Life Support: the list of projects and each project's dashboard (calls per day as an SVG
 * chart with its data table, top categories and recurring phrases, open and resolved counts with
 * the mean time to resolve, handed-over items, days left), handing a ticket over to the project
 * team with a note, and extending or closing the window. The figures are the desk's ({@code
 * ElsService.trends}); this only lays them out. Agents, managers and admins.
 */
public final class ElsPages implements PortalPages {
  /** The chart shows at most this many days, ending today (or at the window's end). */
  static final int CHART_DAYS = 42;

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Map<String, String> DONE =
      Map.of(
          "handover", "The ticket was handed over to the project team.",
          "extended", "The window's end was changed.",
          "closed", "The window was closed.");

  private final Layout layout;
  private final Desk desk;
  private final Blocking blocking;
  private final Clock clock;

  public ElsPages(Layout layout, Desk desk, Blocking blocking, Clock clock) {
    this.layout = layout;
    this.desk = desk;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public void mount(Router r) {
    var staff = Guard.anyOf(Role.AGENT, Role.ADMIN, Role.MANAGER);
    r.get("/els").handler(Guard::signedIn).handler(staff).handler(this::list);
    r.get("/els/:id").handler(Guard::signedIn).handler(staff).handler(this::show);
    r.post("/els/:id/handover").handler(Guard::signedIn).handler(staff).handler(this::handover);
    r.post("/els/:id/extend").handler(Guard::signedIn).handler(staff).handler(this::extend);
    r.post("/els/:id/close").handler(Guard::signedIn).handler(staff).handler(this::close);
  }

  private void list(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    blocking
        .call(() -> desk.els().list(p))
        .onFailure(ctx::fail)
        .onSuccess(
            projects ->
                layout.render(
                    ctx,
                    "ops/els-list.jte",
                    layout.page(ctx, "Early Life Support"),
                    "projects",
                    projects,
                    "now",
                    clock.instant()));
  }

  /** The dashboard as the template shows it. */
  public record Dashboard(
      ElsProject project,
      Document trends,
      BarChart chart,
      Map<String, Integer> perDay,
      List<Ticket> log,
      long total,
      boolean canChangeWindow,
      String endDate) {

    public Map<String, Object> perCategory() {
      return trends.get("perCategory", Document.class);
    }

    public Map<String, Object> phrases() {
      return trends.get("topPhrases", Document.class);
    }

    public List<Ticket> handedOver() {
      return log.stream().filter(t -> t.document().getBoolean("handedOver", false)).toList();
    }

    public List<Ticket> canHandOver() {
      return log.stream()
          .filter(t -> t.status().isOpen() && !t.document().getBoolean("handedOver", false))
          .toList();
    }

    public String meanHours() {
      Object h = trends.get("meanHoursToResolve");
      return h == null ? "None resolved yet" : h + " hours";
    }
  }

  private void show(RoutingContext ctx) {
    render(ctx, List.of(), DONE.get(Forms.param(ctx, "done")));
  }

  private void render(RoutingContext ctx, List<FieldError> errors, String done) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    blocking
        .call(() -> dashboard(p, id))
        .onFailure(ctx::fail)
        .onSuccess(
            d ->
                layout.render(
                    ctx,
                    "ops/els.jte",
                    layout.page(ctx, d.project().name()).withErrors(errors),
                    "d",
                    d,
                    "done",
                    done));
  }

  private Dashboard dashboard(Principal p, String id) {
    ElsProject project = desk.els().get(p, id);
    Document trends = desk.els().trends(p, id);
    Page<Ticket> log = desk.els().log(p, id, 0, 100);
    Map<String, Integer> perDay = days(project, trends.get("perDay", Document.class));
    return new Dashboard(
        project,
        trends,
        BarChart.of("Calls per day", perDay, 640, 240),
        perDay,
        log.items(),
        log.total(),
        p.has(Role.ADMIN) || p.id().equals(project.ownerId()),
        LocalDate.ofInstant(project.end().minusSeconds(1), UK).toString());
  }

  /** Every day from the window's start (at most {@link #CHART_DAYS}) to today, zeros included. */
  Map<String, Integer> days(ElsProject project, Document perDay) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), UK);
    LocalDate end = LocalDate.ofInstant(project.end(), UK);
    LocalDate last = today.isBefore(end) ? today : end;
    LocalDate first = LocalDate.ofInstant(project.start(), UK);
    if (first.isBefore(last.minusDays(CHART_DAYS - 1))) {
      first = last.minusDays(CHART_DAYS - 1);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Object n = perDay == null ? null : perDay.get(d.toString());
      out.put(d.toString(), n instanceof Number num ? num.intValue() : 0);
    }
    return out;
  }

  private void handover(RoutingContext ctx) {
    String reference = Forms.field(ctx, "reference");
    String note = Forms.field(ctx, "note");
    act(
        ctx,
        "note",
        "handover",
        p ->
            () -> {
              if (reference.isEmpty()) {
                throw ApiException.badRequest("Choose the ticket to hand over");
              }
              if (note.isEmpty()) {
                throw ApiException.badRequest("Enter a handover note for the project team");
              }
              return desk.els().handover(p, ctx.pathParam("id"), reference, note);
            });
  }

  private void extend(RoutingContext ctx) {
    String date = Forms.field(ctx, "end");
    act(
        ctx,
        "end",
        "extended",
        p ->
            () -> {
              Instant end;
              try {
                end = LocalDate.parse(date).plusDays(1).atStartOfDay(UK).toInstant();
              } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Enter the new end date as a date, like 2026-12-31");
              }
              return desk.els().extend(p, ctx.pathParam("id"), end);
            });
  }

  private void close(RoutingContext ctx) {
    String open = Forms.field(ctx, "openTickets");
    act(
        ctx,
        "openTickets",
        "closed",
        p ->
            () -> {
              if (!"stay".equals(open) && !"move".equals(open)) {
                throw ApiException.badRequest(
                    "Choose whether open tickets stay with the team or move to the usual desk");
              }
              return desk.els().closeWindow(p, ctx.pathParam("id"), open);
            });
  }

  private void act(
      RoutingContext ctx,
      String field,
      String done,
      java.util.function.Function<Principal, Callable<?>> work) {
    Principal p = Principals.require(ctx);
    blocking
        .call(work.apply(p))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && (api.status() == 400 || api.status() == 409)) {
                render(ctx, List.of(new FieldError(field, api.getMessage())), null);
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(
            x ->
                Layout.redirect(
                    ctx,
                    "/els/"
                        + java.net.URLEncoder.encode(
                            ctx.pathParam("id"), java.nio.charset.StandardCharsets.UTF_8)
                        + "?done="
                        + done));
  }
}
