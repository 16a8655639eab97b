package io.frontdesk.portal.admin;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * Admin screens that change the desk's settings: resolver groups (capacity drives the bandwidth
 * warnings), routing rules and the SLA calendar with its bank holidays. Each change goes through
 * the desk's {@code DeskConfigService}, which checks the admin role, validates and writes the audit
 * trail ({@link AdminAudit}) for the pages and the JSON API alike. Schools, users and ELS projects
 * are in {@link DirectoryPages}, adding people and schools in {@link PeopleAdminPages}, the request
 * catalogue in {@link CataloguePages}. Admins only, on every route.
 */
public final class AdminPages implements PortalPages {
  private static final Map<String, String> DONE =
      Map.of(
          "group", "The resolver group was saved.",
          "rule", "The routing rule was saved.",
          "rule-deleted", "The routing rule was deleted.",
          "holiday", "The bank holiday was added.",
          "holiday-removed", "The bank holiday was removed.");

  private final Layout layout;
  private final Desk desk;
  private final AdminAudit audit;
  private final Blocking blocking;

  public AdminPages(Layout layout, Desk desk, AdminAudit audit, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.audit = audit;
    this.blocking = blocking;
  }

  static io.vertx.core.Handler<RoutingContext> admins() {
    return Guard.anyOf(Role.ADMIN);
  }

  @Override
  public void mount(Router r) {
    r.get("/admin").handler(Guard::signedIn).handler(admins()).handler(this::home);
    r.get("/admin/groups").handler(Guard::signedIn).handler(admins()).handler(this::groups);
    r.post("/admin/groups/:id").handler(Guard::signedIn).handler(admins()).handler(this::saveGroup);
    r.post("/admin/rules").handler(Guard::signedIn).handler(admins()).handler(this::saveRule);
    r.post("/admin/rules/:id/delete")
        .handler(Guard::signedIn)
        .handler(admins())
        .handler(this::deleteRule);
    r.get("/admin/calendar").handler(Guard::signedIn).handler(admins()).handler(this::calendar);
    r.post("/admin/calendar/holidays")
        .handler(Guard::signedIn)
        .handler(admins())
        .handler(this::addHoliday);
    r.post("/admin/calendar/holidays/remove")
        .handler(Guard::signedIn)
        .handler(admins())
        .handler(this::removeHoliday);
  }

  private void home(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    blocking
        .call(() -> audit.recent(p, 50))
        .onFailure(ctx::fail)
        .onSuccess(
            log ->
                layout.render(
                    ctx, "ops/admin.jte", layout.page(ctx, "Administration"), "audit", log));
  }

  // --- groups and routing rules ---

  private void groups(RoutingContext ctx) {
    renderGroups(ctx, List.of(), DONE.get(Forms.param(ctx, "done")));
  }

  private void renderGroups(RoutingContext ctx, List<FieldError> errors, String done) {
    Principal p = Principals.require(ctx);
    requireConfig();
    blocking
        .call(
            () -> {
              Map<String, Object> m = new HashMap<>();
              m.put("groups", desk.config().groups(p));
              m.put("rules", desk.config().rules(p));
              m.put("services", desk.catalogue().services());
              return m;
            })
        .onFailure(ctx::fail)
        .onSuccess(
            m ->
                layout.render(
                    ctx,
                    "ops/admin-groups.jte",
                    layout.page(ctx, "Resolver groups and routing").withErrors(errors),
                    "groups",
                    m.get("groups"),
                    "rules",
                    m.get("rules"),
                    "services",
                    m.get("services"),
                    "done",
                    done));
  }

  private void saveGroup(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String name = Forms.field(ctx, "name");
    String desk = Forms.field(ctx, "desk");
    String level = Forms.field(ctx, "level");
    String capacity = Forms.field(ctx, "capacity");
    act(
        ctx,
        "capacity-" + id,
        "/admin/groups?done=group",
        this::renderGroups,
        p ->
            () -> {
              Document body =
                  new Document("name", name)
                      .append("desk", desk)
                      .append("level", number("level", level))
                      .append("capacity", number("capacity", capacity));
              return this.desk.config().putGroup(p, id, body);
            });
  }

  private void saveRule(RoutingContext ctx) {
    String id = Forms.field(ctx, "ruleId");
    Document body =
        new Document("desk", Forms.field(ctx, "desk"))
            .append("groupId", Forms.field(ctx, "groupId"))
            .append("services", ctx.request().formAttributes().getAll("services"))
            .append("keywords", csv(Forms.field(ctx, "keywords")))
            .append("categories", csv(Forms.field(ctx, "categories")));
    String order = Forms.field(ctx, "order");
    act(
        ctx,
        "ruleId",
        "/admin/groups?done=rule",
        this::renderGroups,
        p ->
            () -> {
              if (id.isEmpty()) {
                throw ApiException.badRequest("Enter an id for the rule, like finance-keywords");
              }
              if (!order.isEmpty()) {
                body.append("order", number("order", order));
              }
              return desk.config().putRule(p, id, body);
            });
  }

  private void deleteRule(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    act(
        ctx,
        "ruleId",
        "/admin/groups?done=rule-deleted",
        this::renderGroups,
        p ->
            () -> {
              return desk.config().deleteRule(p, id);
            });
  }

  // --- calendar ---

  private void calendar(RoutingContext ctx) {
    renderCalendar(ctx, List.of(), DONE.get(Forms.param(ctx, "done")));
  }

  private void renderCalendar(RoutingContext ctx, List<FieldError> errors, String done) {
    Principal p = Principals.require(ctx);
    requireConfig();
    blocking
        .call(() -> desk.config().getCalendar(p))
        .onFailure(ctx::fail)
        .onSuccess(
            cal ->
                layout.render(
                    ctx,
                    "ops/admin-calendar.jte",
                    layout.page(ctx, "SLA calendar").withErrors(errors),
                    "cal",
                    cal,
                    "done",
                    done));
  }

  private void addHoliday(RoutingContext ctx) {
    String date = Forms.field(ctx, "date");
    changeHolidays(ctx, date, true, "/admin/calendar?done=holiday");
  }

  private void removeHoliday(RoutingContext ctx) {
    String date = Forms.field(ctx, "date");
    changeHolidays(ctx, date, false, "/admin/calendar?done=holiday-removed");
  }

  private void changeHolidays(RoutingContext ctx, String date, boolean add, String next) {
    act(
        ctx,
        "date",
        next,
        this::renderCalendar,
        p ->
            () -> {
              LocalDate d;
              try {
                d = LocalDate.parse(date);
              } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Enter the bank holiday as a date, like 2026-12-28");
              }
              Document cal = desk.config().getCalendar(p);
              TreeSet<String> days =
                  new TreeSet<>(cal.getList("holidays", String.class, List.of()));
              boolean changed = add ? days.add(d.toString()) : days.remove(d.toString());
              if (!changed) {
                throw ApiException.badRequest(
                    add ? d + " is already a bank holiday" : d + " is not a bank holiday");
              }
              cal.put("holidays", new ArrayList<>(days));
              return desk.config().putCalendar(p, cal);
            });
  }

  // --- helpers ---

  private void requireConfig() {
    if (desk.config() == null) {
      throw ApiException.notFound("The desk's run-time settings are not available.");
    }
  }

  static Object number(String field, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " must be a whole number");
    }
  }

  static List<String> csv(String s) {
    return s.isBlank()
        ? List.of()
        : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  interface Renderer {
    void render(RoutingContext ctx, List<FieldError> errors, String done);
  }

  private void act(
      RoutingContext ctx,
      String field,
      String next,
      Renderer again,
      java.util.function.Function<Principal, Callable<?>> work) {
    Principal p = Principals.require(ctx);
    blocking
        .call(work.apply(p))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.status() == 400) {
                again.render(ctx, List.of(new FieldError(field, api.getMessage())), null);
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(x -> Layout.redirect(ctx, next));
  }
}
