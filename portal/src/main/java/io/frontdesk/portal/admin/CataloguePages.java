package io.frontdesk.portal.admin;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.catalogue.CatalogueAdmin;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The request catalogue screens: the items (on offer and retired), a form to add or change one (its
 * request form, approval, resolver group and SLA priority), and retire or bring back. Changes go
 * through the desk's {@link CatalogueAdmin}, which checks the admin role, validates (errors name
 * the field), stores, audits and refreshes the catalogue the bot and the portal read. Admins only.
 */
public final class CataloguePages implements PortalPages {
  private static final Map<String, String> DONE =
      Map.of(
          "saved", "The catalogue item was saved.",
          "retired", "The item was retired: it is no longer offered.",
          "restored", "The item is offered again.");

  private final Layout layout;
  private final Desk desk;
  private final CatalogueAdmin admin;
  private final Blocking blocking;

  public CataloguePages(Layout layout, Desk desk, CatalogueAdmin admin, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.admin = admin;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/admin/catalogue")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::list);
    r.get("/admin/catalogue/new")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::item);
    r.get("/admin/catalogue/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::item);
    r.post("/admin/catalogue")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::save);
    r.post("/admin/catalogue/:id")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(this::save);
    r.post("/admin/catalogue/:id/retire")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(ctx -> retire(ctx, true));
    r.post("/admin/catalogue/:id/restore")
        .handler(Guard::signedIn)
        .handler(AdminPages.admins())
        .handler(ctx -> retire(ctx, false));
  }

  private void list(RoutingContext ctx) {
    layout.render(
        ctx,
        "ops/admin-catalogue.jte",
        layout.page(ctx, "Request catalogue"),
        "items",
        desk.catalogue().allItems(),
        "catalogue",
        desk.catalogue(),
        "done",
        DONE.get(Forms.param(ctx, "done")));
  }

  private void item(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    CatalogueItem saved = null;
    if (id != null) {
      saved =
          desk.catalogue()
              .item(id)
              .orElseThrow(() -> ApiException.notFound("There is no catalogue item " + id + "."));
    }
    render(ctx, CatalogueForm.of(saved), id == null, List.of());
  }

  private void render(
      RoutingContext ctx, CatalogueForm form, boolean creating, List<FieldError> errors) {
    blocking
        .call(() -> desk.groups().all())
        .onFailure(ctx::fail)
        .onSuccess(
            groups ->
                layout.render(
                    ctx,
                    "ops/admin-catalogue-item.jte",
                    layout
                        .page(ctx, creating ? "New catalogue item" : form.name())
                        .withErrors(errors),
                    "f",
                    form,
                    "creating",
                    creating,
                    "services",
                    desk.catalogue().services(),
                    "groups",
                    groups));
  }

  private void save(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    boolean creating = id == null;
    CatalogueForm form = CatalogueForm.from(ctx, id);
    blocking
        .call(
            () ->
                admin.save(
                    p,
                    form.toItem(creating ? null : desk.catalogue().item(id).orElse(null)),
                    creating))
        .onFailure(
            e -> {
              if (e instanceof FieldErrors fe) {
                render(ctx, form, creating, errors(fe));
              } else if (e instanceof ApiException api && api.status() == 400) {
                render(ctx, form, creating, List.of(new FieldError("name", api.getMessage())));
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(i -> Layout.redirect(ctx, "/admin/catalogue?done=saved"));
  }

  /** In the order the form shows the fields. */
  static List<FieldError> errors(FieldErrors fe) {
    return List.of(
            "id",
            "name",
            "description",
            "service",
            "audience",
            "approval",
            "approverGroupId",
            "groupId",
            "priority",
            "fields")
        .stream()
        .filter(fe.fields()::containsKey)
        .map(k -> new FieldError(k, fe.fields().get(k)))
        .toList();
  }

  private void retire(RoutingContext ctx, boolean retired) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    blocking
        .call(() -> admin.retire(p, id, retired))
        .onFailure(ctx::fail)
        .onSuccess(
            i ->
                Layout.redirect(
                    ctx, "/admin/catalogue?done=" + (retired ? "retired" : "restored")));
  }
}
