package io.frontdesk.portal.admin;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.els.ProjectAdmin;
import io.frontdesk.desk.people.DirectoryAdmin;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.User;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Admin screens for the desk's reference data: Early Life Support projects, schools with their
 * contacts and entitlements (editable: tier, covered services, on-site days), and users with their
 * roles (editable: roles and groups, through {@link DirectoryAdmin}, which audits every change).
 * ELS projects are shown with links to their dashboards, where the window is changed. The request
 * catalogue has its own screens ({@link CataloguePages}). Admins only.
 */
public final class DirectoryPages implements PortalPages {
  private final Layout layout;
  private final Desk desk;
  private final DirectoryAdmin directory;
  private final ProjectAdmin projects;
  private final Blocking blocking;

  public DirectoryPages(Layout layout, Desk desk, AdminServices admin, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.directory = admin.directory();
    this.projects = admin.projects();
    this.blocking = blocking;
  }

  /** A school with its contacts, for the schools screen. */
  public record SchoolView(School school, List<User> contacts) {}

  @Override
  public void mount(Router r) {
    r.get("/admin/els").handler(Guard::signedIn).handler(AdminPages.admins()).handler(this::els);
    r.get("/admin/schools")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::schools);
    r.get("/admin/users")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::users);
    r.get("/admin/els/new")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::project);
    r.get("/admin/els/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::project);
    r.post("/admin/els")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::saveProject);
    r.get("/admin/schools/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::school);
    r.post("/admin/schools/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::saveSchool);
    r.get("/admin/users/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::user);
    r.post("/admin/users/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::saveUser);
  }

  /** The project form: empty for a new project, filled in for an existing one. */
  private void project(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Principal p = Principals.require(ctx);
    blocking
        .call(() -> id == null ? null : desk.els().get(p, id))
        .onFailure(ctx::fail)
        .onSuccess(pr -> renderProject(ctx, ProjectForm.of(pr), List.of()));
  }

  private void renderProject(RoutingContext ctx, ProjectForm form, List<FieldError> errors) {
    layout.render(
        ctx,
        "ops/admin-project.jte",
        layout
            .page(ctx, form.id().isEmpty() ? "New Early Life Support project" : form.name())
            .withErrors(errors),
        "f",
        form,
        "services",
        desk.catalogue().services(),
        "groups",
        desk.groups().all());
  }

  private void saveProject(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    ProjectForm f = ProjectForm.from(ctx);
    blocking
        .call(
            () -> {
              var pr =
                  projects.save(
                      p,
                      f.id(),
                      f.name(),
                      f.services(),
                      AdminPages.csv(f.applications()),
                      AdminPages.csv(f.keywords()),
                      ProjectForm.startOf(f.start()),
                      ProjectForm.endOf(f.end()),
                      f.elsGroupId(),
                      f.projectGroupId(),
                      f.ownerId(),
                      f.afterWindow());
              return pr;
            })
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.status() == 400) {
                renderProject(ctx, f, List.of(new FieldError("id", api.getMessage())));
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(pr -> Layout.redirect(ctx, "/admin/els"));
  }

  private void school(RoutingContext ctx) {
    renderSchool(ctx, List.of());
  }

  private void renderSchool(RoutingContext ctx, List<FieldError> errors) {
    String id = ctx.pathParam("id");
    blocking
        .call(
            () ->
                desk.schools()
                    .byId(id)
                    .orElseThrow(() -> ApiException.notFound("There is no school " + id + ".")))
        .onFailure(ctx::fail)
        .onSuccess(
            s ->
                layout.render(
                    ctx,
                    "ops/admin-school.jte",
                    layout.page(ctx, s.name()).withErrors(errors),
                    "school",
                    s,
                    "services",
                    desk.catalogue().services()));
  }

  private void saveSchool(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    String tier = Forms.field(ctx, "tier");
    List<String> covered = ctx.request().formAttributes().getAll("covered");
    String days = Forms.field(ctx, "onsiteDays");
    blocking
        .call(
            () -> {
              return directory.saveEntitlement(
                  p, id, tier, covered, (Integer) AdminPages.number("onsiteDays", days));
            })
        .onFailure(e -> failed(ctx, e, "tier", this::renderSchool))
        .onSuccess(s -> Layout.redirect(ctx, "/admin/schools"));
  }

  private void user(RoutingContext ctx) {
    renderUser(ctx, List.of());
  }

  private void renderUser(RoutingContext ctx, List<FieldError> errors) {
    String id = ctx.pathParam("id");
    blocking
        .call(
            () ->
                desk.users()
                    .byId(id)
                    .orElseThrow(() -> ApiException.notFound("There is no user " + id + ".")))
        .onFailure(ctx::fail)
        .onSuccess(
            u ->
                layout.render(
                    ctx,
                    "ops/admin-user.jte",
                    layout.page(ctx, u.displayName()).withErrors(errors),
                    "user",
                    u));
  }

  private void saveUser(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    List<String> roleNames = ctx.request().formAttributes().getAll("roles");
    List<String> groups = AdminPages.csv(Forms.field(ctx, "groups"));
    blocking
        .call(
            () -> {
              Set<Role> roles = EnumSet.noneOf(Role.class);
              for (String r : roleNames) {
                try {
                  roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException e) {
                  throw ApiException.badRequest("roles must be roles the desk knows");
                }
              }
              return directory.setRoles(p, id, roles, groups);
            })
        .onFailure(e -> failed(ctx, e, "roles", this::renderUser))
        .onSuccess(u -> Layout.redirect(ctx, "/admin/users"));
  }

  private void failed(
      RoutingContext ctx,
      Throwable e,
      String field,
      java.util.function.BiConsumer<RoutingContext, List<FieldError>> again) {
    if (e instanceof ApiException api && api.status() == 400) {
      again.accept(ctx, List.of(new FieldError(field, api.getMessage())));
    } else {
      ctx.fail(e);
    }
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
