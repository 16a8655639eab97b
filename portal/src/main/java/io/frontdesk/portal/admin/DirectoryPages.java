package io.frontdesk.portal.admin;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.User;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Admin screens that show the desk's reference data: the request catalogue (items, forms,
 * approvals, fulfilment, SLAs), Early Life Support projects, schools with their contacts and
 * entitlements, and users with their roles. Read-only here: the catalogue is a file the server
 * loads ({@code FRONTDESK_DESK_CATALOGUE}), and schools, users and projects come from the directory
 * and the demo or import data. Admins only.
 */
public final class DirectoryPages implements PortalPages {
  private final Layout layout;
  private final Desk desk;
  private final Blocking blocking;

  public DirectoryPages(Layout layout, Desk desk, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.blocking = blocking;
  }

  /** A school with its contacts, for the schools screen. */
  public record SchoolView(School school, List<User> contacts) {}

  @Override
  public void mount(Router r) {
    r.get("/admin/catalogue")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::catalogue);
    r.get("/admin/els").handler(Guard::signedIn).handler(AdminPages.admins()).handler(this::els);
    r.get("/admin/schools")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::schools);
    r.get("/admin/users")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::users);
  }

  private void catalogue(RoutingContext ctx) {
    layout.render(
        ctx,
        "ops/admin-catalogue.jte",
        layout.page(ctx, "Request catalogue"),
        "items",
        desk.catalogue().items(),
        "services",
        desk.catalogue().services());
  }

  private void els(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    blocking
        .call(() -> desk.els().list(p))
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx,
                    "ops/admin-els.jte",
                    layout.page(ctx, "Early Life Support projects"),
                    "projects",
                    list));
  }

  private void schools(RoutingContext ctx) {
    blocking
        .call(
            () -> {
              List<SchoolView> out = new ArrayList<>();
              for (School s : desk.schools().all()) {
                out.add(new SchoolView(s, desk.users().bySchool(s.id())));
              }
              return out;
            })
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx, "ops/admin-schools.jte", layout.page(ctx, "Schools"), "schools", list));
  }

  private void users(RoutingContext ctx) {
    blocking
        .call(() -> allUsers())
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx,
                    "ops/admin-users.jte",
                    layout.page(ctx, "Users and roles"),
                    "users",
                    list));
  }

  private List<User> allUsers() {
    return desk.users().page(0, 500);
  }
}
