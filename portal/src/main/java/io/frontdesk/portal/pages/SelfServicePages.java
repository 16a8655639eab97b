package io.frontdesk.portal.pages;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.fulfilment.FulfilmentKind;
import io.frontdesk.desk.fulfilment.Outcome;
import io.frontdesk.desk.fulfilment.SelfServiceFulfilment;
import io.frontdesk.desk.fulfilment.StartRequest;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Self-service password reset and account unlock for a signed-in member of staff, through the
 * desk's {@link SelfServiceFulfilment}: choose, get a one-time code out of band, enter it, and see
 * the temporary password once. The sign-in session says who asks; a signed-in page is a private
 * conversation, so the password may be shown here, on a page that is never cached.
 */
public final class SelfServicePages implements PortalPages {
  static final String PATH = "/account/password";
  private static final String TEMPLATE = "account-password.jte";
  private static final String TITLE = "Reset your password or unlock your account";

  private final Layout layout;
  private final SelfServiceFulfilment fulfilment;
  private final Blocking blocking;

  public SelfServicePages(Layout layout, SelfServiceFulfilment fulfilment, Blocking blocking) {
    this.layout = layout;
    this.fulfilment = fulfilment;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.route(PATH + "*").handler(Guard::signedIn).handler(SelfServicePages::noStore);
    r.get(PATH).handler(this::choose);
    r.post(PATH + "/start").handler(this::start);
    r.post(PATH + "/verify").handler(this::verify);
  }

  /** A temporary password may be on these pages: never cache them, never send a referrer. */
  private static void noStore(RoutingContext ctx) {
    ctx.response().headers().set("Cache-Control", "no-store").set("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  private void choose(RoutingContext ctx) {
    show(ctx, List.of(), "choose", null);
  }

  private void start(RoutingContext ctx) {
    FulfilmentKind kind =
        switch (Forms.field(ctx, "kind")) {
          case "reset" -> FulfilmentKind.RESET;
          case "unlock" -> FulfilmentKind.UNLOCK;
          default -> null;
        };
    if (kind == null) {
      show(ctx, List.of(new FieldError("kind", "Choose what you need")), "choose", null);
      return;
    }
    Principal who = Principals.require(ctx);
    blocking
        .call(() -> fulfilment.start(new StartRequest(who, kind, Channel.PORTAL, true)))
        .onFailure(ctx::fail)
        .onSuccess(o -> show(ctx, List.of(), stepAfter(o), o));
  }

  private void verify(RoutingContext ctx) {
    String flowId = Forms.field(ctx, "flowId");
    String code = Forms.field(ctx, "code").replace(" ", "");
    if (flowId.isEmpty() || flowId.length() > 100) {
      show(
          ctx,
          List.of(new FieldError("kind", "Start again: choose what you need")),
          "choose",
          null);
      return;
    }
    if (!code.matches("\\d{6}")) {
      Outcome pending =
          new Outcome(Outcome.Status.CODE_SENT, "", flowId, null, null, null, null, null);
      show(
          ctx,
          List.of(new FieldError("code", "Enter the 6-digit code we sent you")),
          "code",
          pending);
      return;
    }
    Principal who = Principals.require(ctx);
    blocking
        .call(() -> fulfilment.verify(who, flowId, code))
        .onFailure(ctx::fail)
        .onSuccess(
            o -> {
              List<FieldError> errors =
                  o.status() == Outcome.Status.WRONG_CODE
                      ? List.of(new FieldError("code", o.message()))
                      : List.of();
              show(ctx, errors, stepAfter(o), o);
            });
  }

  /** The code form while a code is out (or was mistyped), otherwise the result. */
  private static String stepAfter(Outcome o) {
    return o.status() == Outcome.Status.CODE_SENT || o.status() == Outcome.Status.WRONG_CODE
        ? "code"
        : "done";
  }

  private void show(RoutingContext ctx, List<FieldError> errors, String step, Outcome o) {
    layout.renderStatus(
        ctx,
        o == null ? 200 : o.status().httpStatus(),
        TEMPLATE,
        layout.page(ctx, TITLE).withErrors(errors),
        "step",
        step,
        "outcome",
        o);
  }
}
