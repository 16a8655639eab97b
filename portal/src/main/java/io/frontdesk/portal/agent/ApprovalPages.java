package io.frontdesk.portal.agent;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Requests waiting on the signed-in person's decision (line managers, approver groups), with
 * approve or reject and a comment. Anyone signed in may open the page: the desk lists only the
 * approvals that name them, and refuses a decision on any other (404).
 */
public final class ApprovalPages implements PortalPages {
  private final Layout layout;
  private final Desk desk;
  private final Blocking blocking;

  public ApprovalPages(Layout layout, Desk desk, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.blocking = blocking;
  }

  /** One approval as the page lists it. */
  public record Waiting(
      String id, String reference, String title, String requester, String item, Document form) {}

  @Override
  public void mount(Router r) {
    r.get("/approvals").handler(Guard::signedIn).handler(this::list);
    r.post("/approvals/:id").handler(Guard::signedIn).handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    String done = Forms.param(ctx, "done");
    render(
        ctx,
        List.of(),
        switch (done) {
          case "approved" -> "The request was approved.";
          case "rejected" -> "The request was rejected and the requester told.";
          default -> null;
        });
  }

  private void render(RoutingContext ctx, List<FieldError> errors, String done) {
    Principal p = Principals.require(ctx);
    blocking
        .call(() -> waiting(p))
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx,
                    "ops/approvals.jte",
                    layout.page(ctx, "Approvals waiting on you").withErrors(errors),
                    "approvals",
                    list,
                    "done",
                    done));
  }

  private List<Waiting> waiting(Principal p) {
    List<Waiting> out = new ArrayList<>();
    for (Document a : desk.approvals().pendingFor(p)) {
      // The approver is named on the approval, so they see what they are asked to decide.
      Ticket t = desk.tickets().repository().byReference(a.getString("ticketId")).orElse(null);
      String item =
          desk.catalogue()
              .item(a.getString("itemId"))
              .map(i -> i.name())
              .orElse(a.getString("itemId"));
      out.add(
          new Waiting(
              a.getString("_id"),
              a.getString("ticketId"),
              t == null ? "" : t.title(),
              t == null ? "" : t.requester().displayName(),
              item,
              t == null ? null : t.document().get("form", Document.class)));
    }
    return out;
  }

  private void decide(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    String decision = Forms.field(ctx, "decision");
    String comment = Forms.field(ctx, "comment");
    String field = "comment-" + id;
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      render(ctx, List.of(new FieldError(field, "Choose approve or reject")), null);
      return;
    }
    blocking
        .call(
            () ->
                desk.approvals().decide(p, id, "approve".equals(decision), comment, Channel.PORTAL))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && (api.status() == 400 || api.status() == 409)) {
                render(ctx, List.of(new FieldError(field, api.getMessage())), null);
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(
            d ->
                Layout.redirect(
                    ctx,
                    "/approvals?done=" + ("approve".equals(decision) ? "approved" : "rejected")));
  }
}
