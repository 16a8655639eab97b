package io.frontdesk.portal.admin;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.people.DirectoryAdmin;
import io.frontdesk.desk.people.User;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.auth.Invitations;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admins add people (council staff, or a school's staff, who are e-mailed an invitation to set
 * their portal password) and schools (with their entitlement). The desk's {@link DirectoryAdmin}
 * checks the admin role, validates and audits; a refusal comes back on the form next to the field
 * it names. Admins only. Mounted before the pages of one user or school ({@code /admin/users/:id}).
 */
public final class PeopleAdminPages implements PortalPages {
  /** Where the desk's messages point: their first word names the field. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "onsiteDaysIncluded", "onsiteDays",
          "covered", "covered",
          "tier", "tier",
          "id", "id",
          "email", "email",
          "roles", "roles",
          "roles:", "roles",
          "groups", "groups",
          "schoolId", "schoolId");

  /** The add-a-person form as typed. */
  public record UserForm(
      String name, String email, String schoolId, List<String> roles, String groups) {}

  /** The add-a-school form as typed. */
  public record SchoolForm(
      String id, String name, String tier, List<String> covered, String onsiteDays) {}

  private final Layout layout;
  private final Desk desk;
  private final DirectoryAdmin directory;
  private final Invitations invitations;
  private final Blocking blocking;

  public PeopleAdminPages(
      Layout layout,
      Desk desk,
      DirectoryAdmin directory,
      Invitations invitations,
      Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.directory = directory;
    this.invitations = invitations;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/admin/users/new")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(ctx -> userForm(ctx, new UserForm("", "", "", List.of(), ""), List.of()));
    r.post("/admin/users")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::addUser);
    r.get("/admin/schools/new")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(ctx -> schoolForm(ctx, new SchoolForm("", "", "", List.of(), "0"), List.of()));
    r.post("/admin/schools")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::addSchool);
  }

  private void userForm(RoutingContext ctx, UserForm form, List<FieldError> errors) {
    blocking
        .call(() -> desk.schools().all())
        .onFailure(ctx::fail)
        .onSuccess(
            schools ->
                layout.render(
                    ctx,
                    "ops/admin-user-new.jte",
                    layout.page(ctx, "Add a person").withErrors(errors),
                    "f",
                    form,
                    "schools",
                    schools));
  }

  private void addUser(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    UserForm f =
        new UserForm(
            Forms.field(ctx, "name"),
            Forms.field(ctx, "email"),
            Forms.field(ctx, "schoolId"),
            ctx.request().formAttributes().getAll("roles"),
            Forms.field(ctx, "groups"));
    blocking
        .call(
            () -> {
              Set<Role> roles = EnumSet.noneOf(Role.class);
              for (String r : f.roles()) {
                try {
                  roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException e) {
                  throw ApiException.badRequest("roles must be roles the desk knows");
                }
              }
              return directory.addUser(
                  p, f.name(), f.email(), roles, AdminPages.csv(f.groups()), f.schoolId());
            })
        .compose(
            u ->
                u.schoolId() == null
                    ? Future.succeededFuture(u)
                    : invitations.send(u, p.displayName()).map(u))
        .onFailure(e -> failed(ctx, e, errors -> userForm(ctx, f, errors)))
        .onSuccess((User u) -> Layout.redirect(ctx, "/admin/users/" + u.id()));
  }

  private void schoolForm(RoutingContext ctx, SchoolForm form, List<FieldError> errors) {
    layout.render(
        ctx,
        "ops/admin-school-new.jte",
        layout.page(ctx, "Add a school").withErrors(errors),
        "f",
        form,
        "services",
        desk.catalogue().services());
  }

  private void addSchool(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    SchoolForm f =
        new SchoolForm(
            Forms.field(ctx, "id"),
            Forms.field(ctx, "name"),
            Forms.field(ctx, "tier"),
            ctx.request().formAttributes().getAll("covered"),
            Forms.field(ctx, "onsiteDays"));
    blocking
        .call(
            () ->
                directory.addSchool(
                    p,
                    f.id(),
                    f.name(),
                    f.tier(),
                    f.covered(),
                    (Integer) AdminPages.number("onsiteDaysIncluded", f.onsiteDays())))
        .onFailure(e -> failed(ctx, e, errors -> schoolForm(ctx, f, errors)))
        .onSuccess(s -> Layout.redirect(ctx, "/admin/schools/" + s.id()));
  }

  private static void failed(
      RoutingContext ctx, Throwable e, java.util.function.Consumer<List<FieldError>> again) {
    if (e instanceof ApiException api && api.status() == 400) {
      String first = api.getMessage().split(" ", 2)[0];
      again.accept(List.of(new FieldError(FIELDS.getOrDefault(first, "name"), api.getMessage())));
    } else {
      ctx.fail(e);
    }
  }
}
