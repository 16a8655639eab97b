package io.frontdesk.portal.manager;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.els.ProjectRepository;
import io.frontdesk.desk.mi.MiService;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The managers' dashboard: the desk's figures for a period as server-rendered SVG charts, each with
 * its data table and a CSV download. Managers and admins only; the figures and their scoping are
 * the desk's {@link MiService}.
 */
public final class ManagerPages implements PortalPages {
  static final String ALL = "^/manager(/.*)?$";

  private final Layout layout;
  private final MiService mi;
  private final ProjectRepository projects;
  private final Blocking blocking;
  private final Clock clock;

  public ManagerPages(
      Layout layout, MiService mi, ProjectRepository projects, Blocking blocking, Clock clock) {
    this.layout = layout;
    this.mi = mi;
    this.projects = projects;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public void mount(Router r) {
    r.routeWithRegex(ALL).handler(Guard::signedIn).handler(Guard.anyOf(Role.MANAGER, Role.ADMIN));
    r.get("/manager").handler(this::dashboard);
    r.get("/manager/csv/:chart").handler(this::csv);
  }

  private void dashboard(RoutingContext ctx) {
    Period period = Period.from(ctx, clock);
    charts(Principals.require(ctx), period)
        .onFailure(ctx::fail)
        .onSuccess(
            charts ->
                layout.render(
                    ctx,
                    "manager/dashboard.jte",
                    layout.page(ctx, "Service desk performance"),
                    "period",
                    period,
                    "charts",
                    charts));
  }

  private void csv(RoutingContext ctx) {
    Period period = Period.from(ctx, clock);
    String id = ctx.pathParam("chart");
    charts(Principals.require(ctx), period)
        .map(
            list ->
                list.stream()
                    .filter(c -> c.id().equals(id))
                    .findFirst()
                    .orElseThrow(
                        () -> ApiException.notFound("There is no chart called " + id + ".")))
        .onFailure(ctx::fail)
        .onSuccess(
            chart ->
                ctx.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"frontdesk-"
                            + chart.id()
                            + "-"
                            + period.firstDay()
                            + "-to-"
                            + period.lastDay()
                            + ".csv\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(chart.csv()));
  }

  private Future<List<Chart>> charts(Principal p, Period period) {
    return blocking.call(
        () -> {
          var figures = mi.figures(p, null, period.start(), period.end());
          var trend = mi.trend(p, null, period.start(), period.end(), period.step());
          Map<String, String> names = new HashMap<>();
          for (ElsProject project : projects.all()) {
            names.put(project.id(), project.name());
          }
          return ManagerCharts.build(figures, trend, names);
        });
  }
}
