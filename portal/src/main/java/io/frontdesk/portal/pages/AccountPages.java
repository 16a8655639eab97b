package io.frontdesk.portal.pages;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.portal.auth.AccountTokens;
import io.frontdesk.portal.auth.Mailer;
import io.frontdesk.portal.auth.Passwords;
import io.frontdesk.portal.auth.SessionRepository;
import io.frontdesk.portal.auth.SignInLimiter;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.Page;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgotten passwords and accepting invitations, for school accounts. The forgotten-password page
 * answers the same whether or not the address has an account, and sends the e-mail after answering,
 * so neither the words nor the timing say who has one. Links carry a single-use token that expires
 * (30 minutes for a reset, 7 days for an invitation); setting a password signs the account out
 * everywhere.
 */
public final class AccountPages implements PortalPages {
  private static final Logger LOG = LoggerFactory.getLogger(AccountPages.class);
  public static final Duration RESET_TTL = Duration.ofMinutes(30);
  public static final Duration INVITE_TTL = Duration.ofDays(7);

  private final Layout layout;
  private final UserRepository users;
  private final AccountTokens tokens;
  private final Passwords passwords;
  private final SessionRepository sessions;
  private final Mailer mailer;
  private final SignInLimiter limiter;
  private final Blocking blocking;
  private final String baseUrl;
  private final String serviceName;

  public AccountPages(
      Layout layout,
      UserRepository users,
      AccountTokens tokens,
      Passwords passwords,
      SessionRepository sessions,
      Mailer mailer,
      SignInLimiter limiter,
      Blocking blocking,
      String baseUrl,
      String serviceName) {
    this.layout = layout;
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.sessions = sessions;
    this.mailer = mailer;
    this.limiter = limiter;
    this.blocking = blocking;
    this.baseUrl = baseUrl;
    this.serviceName = serviceName;
  }

  @Override
  public void mount(Router r) {
    r.get("/forgot-password").handler(this::forgotPage);
    r.post("/forgot-password").handler(this::forgot);
    r.get("/reset-password")
        .handler(this::noReferrer)
        .handler(ctx -> passwordPage(ctx, AccountTokens.RESET));
    r.post("/reset-password")
        .handler(this::noReferrer)
        .handler(ctx -> setPassword(ctx, AccountTokens.RESET));
    r.get("/accept-invitation")
        .handler(this::noReferrer)
        .handler(ctx -> passwordPage(ctx, AccountTokens.INVITE));
    r.post("/accept-invitation")
        .handler(this::noReferrer)
        .handler(ctx -> setPassword(ctx, AccountTokens.INVITE));
  }

  /** The token is in the address: never send it on to another site. */
  private void noReferrer(RoutingContext ctx) {
    ctx.response().headers().set("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  private void forgotPage(RoutingContext ctx) {
    layout.render(
        ctx,
        "forgot-password.jte",
        layout.page(ctx, "Reset your password"),
        "email",
        "",
        "sent",
        false);
  }

  private void forgot(RoutingContext ctx) {
    String email = Forms.field(ctx, "email");
    if (email.isEmpty() || email.length() > 254 || !email.contains("@")) {
      layout.render(
          ctx,
          "forgot-password.jte",
          layout
              .page(ctx, "Reset your password")
              .withErrors(
                  List.of(
                      new FieldError(
                          "email",
                          "Enter an email address in the correct format, like name@example.sch.uk"))),
          "email",
          email,
          "sent",
          false);
      return;
    }
    // At most five reset e-mails per address per 15 minutes, so the page cannot be used to flood
    // a mailbox. (Not per client address: a whole school shares one.)
    String key = "reset:" + email.toLowerCase(Locale.ROOT);
    boolean limited = limiter.blocked(key);
    limiter.failed(key);
    // Answer first, then look the address up and send: the same page and the same timing either
    // way.
    layout.render(
        ctx,
        "forgot-password.jte",
        layout.page(ctx, "Check your email"),
        "email",
        email,
        "sent",
        true);
    if (limited) {
      return;
    }
    blocking
        .call(
            () ->
                users
                    .byEmail(email)
                    .filter(u -> !u.disabled() && u.schoolId() != null)
                    .map(
                        u ->
                            new Object[] {u, tokens.issue(AccountTokens.RESET, u.id(), RESET_TTL)}))
        .compose(
            found -> {
              if (found.isEmpty()) {
                return io.vertx.core.Future.<Void>succeededFuture();
              }
              User u = (User) found.get()[0];
              String link = baseUrl + "/reset-password?token=" + found.get()[1];
              return mailer.send(
                  u.email(),
                  "Reset your " + serviceName + " password",
                  "Hello "
                      + u.displayName()
                      + ",\n\nSomeone asked to reset the password of your "
                      + serviceName
                      + " account. To choose a new password, open this link within 30 minutes:\n\n"
                      + link
                      + "\n\nThe link works once. If you did not ask for this, you can ignore this"
                      + " email: your password has not changed.\n");
            })
        .onFailure(
            e -> LOG.warn("Password reset e-mail not sent: {}", e.getClass().getSimpleName()));
  }

  private void passwordPage(RoutingContext ctx, String purpose) {
    String token = Forms.param(ctx, "token");
    blocking
        .call(() -> tokens.peek(purpose, token))
        .onFailure(ctx::fail)
        .onSuccess(
            user -> {
              if (user.isEmpty()) {
                expired(ctx, purpose);
                return;
              }
              showPasswordForm(ctx, purpose, token, List.of());
            });
  }

  private void showPasswordForm(
      RoutingContext ctx, String purpose, String token, List<FieldError> errors) {
    Page page =
        layout
            .page(
                ctx,
                AccountTokens.INVITE.equals(purpose)
                    ? "Create your password"
                    : "Choose a new password")
            .withErrors(errors);
    layout.render(
        ctx,
        "set-password.jte",
        page,
        "token",
        token,
        "action",
        AccountTokens.INVITE.equals(purpose) ? "/accept-invitation" : "/reset-password");
  }

  private void expired(RoutingContext ctx, String purpose) {
    ctx.fail(
        ApiException.badRequest(
            AccountTokens.INVITE.equals(purpose)
                ? "This invitation link has expired or has already been used. Ask your school's"
                    + " administrator to invite you again."
                : "This link has expired or has already been used. Ask for a new one on the"
                    + " 'Reset your password' page."));
  }

  private void setPassword(RoutingContext ctx, String purpose) {
    String token = Forms.field(ctx, "token");
    String password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("");
    String confirm = Optional.ofNullable(ctx.request().getFormAttribute("confirm")).orElse("");
    blocking
        .call(
            () -> {
              Optional<String> userId = tokens.peek(purpose, token);
              if (userId.isEmpty()) {
                return null;
              }
              User u = users.byId(userId.get()).orElse(null);
              List<FieldError> errors = new ArrayList<>();
              Passwords.problem(password, u == null ? null : u.email())
                  .ifPresent(m -> errors.add(new FieldError("password", m)));
              if (errors.isEmpty() && !password.equals(confirm)) {
                errors.add(new FieldError("confirm", "Passwords must match"));
              }
              if (!errors.isEmpty()) {
                return errors;
              }
              String hash = passwords.hash(password);
              if (u == null || tokens.consume(purpose, token).isEmpty()) {
                return null;
              }
              users.setPasswordHash(u.id(), hash);
              sessions.deleteForUser(u.id());
              LOG.info("Portal password set: user={} via={}", u.id(), purpose);
              return List.<FieldError>of();
            })
        .onFailure(ctx::fail)
        .onSuccess(
            errors -> {
              if (errors == null) {
                expired(ctx, purpose);
              } else if (!errors.isEmpty()) {
                showPasswordForm(ctx, purpose, token, errors);
              } else {
                Layout.redirect(ctx, "/sign-in?password=set");
              }
            });
  }
}
