package io.frontdesk.portal.agent;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.QueueQuery;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketSummary;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents' queues: the list of queues (one per resolver group, so the schools desk and each Early
 * Life Support team have theirs) with each group's open load against its capacity, and one queue
 * with filters (status, priority, SLA state, assignee), sorting and paging. Agents and admins only.
 */
public final class QueuePages implements PortalPages {
  private final Layout layout;
  private final Desk desk;
  private final Blocking blocking;
  private final OpsConfig config;
  private final Clock clock;
  private final Loads loads;

  public QueuePages(Layout layout, Desk desk, Blocking blocking, OpsConfig config, Clock clock) {
    this.layout = layout;
    this.desk = desk;
    this.blocking = blocking;
    this.config = config;
    this.clock = clock;
    this.loads = new Loads(desk, config.bandwidthWarnPercent());
  }

  @Override
  public void mount(Router r) {
    r.get("/agent").handler(Guard::signedIn).handler(agents()).handler(this::home);
    r.get("/agent/queues").handler(Guard::signedIn).handler(agents()).handler(this::queues);
    r.get("/agent/queues/:group")
        .handler(Guard::signedIn)
        .handler(agents())
        .handler(this::validateQueue)
        .handler(this::queue);
  }

  static io.vertx.core.Handler<RoutingContext> agents() {
    return Guard.anyOf(Role.AGENT, Role.ADMIN);
  }

  private void home(RoutingContext ctx) {
    Layout.redirect(ctx, "/agent/queues");
  }

  private void queues(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    blocking
        .call(
            () -> {
              Map<String, Object> m = new HashMap<>();
              m.put("loads", loads.all());
              m.put("projects", desk.els().list(p));
              m.put("now", clock.instant());
              return m;
            })
        .onFailure(ctx::fail)
        .onSuccess(
            m ->
                layout.render(
                    ctx,
                    "ops/queues.jte",
                    layout.page(ctx, "Queues"),
                    "loads",
                    m.get("loads"),
                    "projects",
                    m.get("projects"),
                    "now",
                    m.get("now")));
  }

  /** Filters come from a GET form: bad values are a 400 naming the field, never a 500. */
  private void validateQueue(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String status = Forms.param(ctx, "status");
    String priority = Forms.param(ctx, "priority");
    String sla = Forms.param(ctx, "sla");
    String assignee = Forms.param(ctx, "assignee");
    String sort = Forms.param(ctx, "sort");
    int page = pageParam(Forms.param(ctx, "page"));
    List<TicketStatus> statuses =
        status.isEmpty() || status.equals("open") ? List.of() : List.of(TicketStatus.parse(status));
    String assigneeId =
        switch (assignee) {
          case "" -> null;
          case "me" -> p.id();
          case "none" -> "none";
          default -> {
            if (!assignee.matches("[A-Za-z0-9._-]{1,80}")) {
              throw ApiException.badRequest("assignee must be me, none or an agent's id");
            }
            yield assignee;
          }
        };
    QueueQuery q =
        new QueueQuery(
            ctx.pathParam("group"),
            statuses,
            priority.isEmpty() ? List.of() : List.of(priority),
            assigneeId,
            sla.isEmpty() ? null : sla,
            sort.isEmpty() ? "priority" : sort,
            page,
            config.queuePageSize());
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("status", status);
    filters.put("priority", priority);
    filters.put("sla", sla);
    filters.put("assignee", assignee);
    filters.put("sort", sort);
    ctx.put("query", q);
    ctx.put("filters", filters);
    ctx.next();
  }

  static int pageParam(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 100_000) {
        return n - 1;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw ApiException.badRequest("page must be a number from 1");
  }

  private void queue(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    QueueQuery q = ctx.get("query");
    Map<String, String> filters = ctx.get("filters");
    blocking
        .call(
            () -> {
              ResolverGroup g =
                  desk.groups()
                      .byId(q.groupId())
                      .orElseThrow(
                          () -> ApiException.notFound("There is no queue " + q.groupId() + "."));
              Page<TicketSummary> page = desk.tickets().queue(p, q);
              Map<String, String> names = new HashMap<>();
              List<User> agents = desk.users().inGroup(g.id());
              agents.forEach(u -> names.put(u.id(), u.displayName()));
              Instant now = clock.instant();
              List<QueueRow> rows = new ArrayList<>();
              for (TicketSummary t : page.items()) {
                String a = t.assigneeId();
                String name =
                    a == null
                        ? ""
                        : names.computeIfAbsent(
                            a, id -> desk.users().byId(id).map(User::displayName).orElse(id));
                rows.add(QueueRow.of(t, name, now));
              }
              ElsProject project =
                  desk.projects().all().stream()
                      .filter(pr -> g.id().equals(pr.elsGroupId()))
                      .findFirst()
                      .orElse(null);
              return new QueueView(
                  g,
                  loads.of(g),
                  rows,
                  page.page() + 1,
                  (int) Math.max(1, (page.total() + page.size() - 1) / page.size()),
                  page.total(),
                  filters,
                  agents,
                  project);
            })
        .onFailure(ctx::fail)
        .onSuccess(
            v -> layout.render(ctx, "ops/queue.jte", layout.page(ctx, v.group().name()), "q", v));
  }

  /** A queue page as the template shows it. */
  public record QueueView(
      ResolverGroup group,
      Bandwidth load,
      List<QueueRow> rows,
      int page,
      int pages,
      long total,
      Map<String, String> filters,
      List<User> agents,
      ElsProject project) {

    public String filter(String name) {
      return filters.getOrDefault(name, "");
    }

    /** The link to another page of this queue, keeping the filters. */
    public String pageLink(int n) {
      StringBuilder b = new StringBuilder("/agent/queues/").append(enc(group.id())).append("?");
      filters.forEach(
          (k, v) -> {
            if (!v.isEmpty()) {
              b.append(enc(k)).append('=').append(enc(v)).append('&');
            }
          });
      return b.append("page=").append(n).toString();
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
