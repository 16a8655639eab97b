package io.frontdesk.portal.pages;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.portal.PortalConfig;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.auth.Passwords;
import io.frontdesk.portal.auth.Sessions;
import io.frontdesk.portal.auth.SignInLimiter;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.Page;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in with an e-mail and password (school accounts), sign-out, and the demo sign-in that exists
 * only in {@code --demo} mode. A failed sign-in never says whether the e-mail is known.
 */
public final class AuthPages implements PortalPages {
  static final String BAD_CREDENTIALS =
      "Enter the email address and password of your account; check both and try again";

  private final Layout layout;
  private final Sessions sessions;
  private final UserRepository users;
  private final Passwords passwords;
  private final SignInLimiter limiter;
  private final SignInLimiter perAddress;
  private final Blocking blocking;
  private final PortalConfig config;
  private final SignInPage signInPage;

  public AuthPages(
      Layout layout,
      SignInPage signInPage,
      Sessions sessions,
      UserRepository users,
      Passwords passwords,
      SignInLimiter limiter,
      SignInLimiter perAddress,
      Blocking blocking,
      PortalConfig config) {
    this.layout = layout;
    this.signInPage = signInPage;
    this.sessions = sessions;
    this.users = users;
    this.passwords = passwords;
    this.limiter = limiter;
    this.perAddress = perAddress;
    this.blocking = blocking;
    this.config = config;
  }

  @Override
  public void mount(Router r) {
    r.get("/sign-in").handler(this::signInPage);
    r.post("/sign-in").handler(this::signIn);
    r.post("/sign-out").handler(this::signOut);
    if (config.demoSignIn()) {
      r.get("/sign-in/demo").handler(this::demoPage);
      r.post("/sign-in/demo").handler(this::demoSignIn);
    }
  }

  private void signInPage(RoutingContext ctx) {
    String next = Guard.safeNext(ctx.request().getParam("next"));
    signInPage.render(
        ctx,
        layout.page(ctx, "Sign in"),
        "",
        "",
        next,
        "set".equals(ctx.request().getParam("password")));
  }

  private void signIn(RoutingContext ctx) {
    String email = Forms.field(ctx, "email");
    String password = ctx.request().getFormAttribute("password");
    String next = Guard.safeNext(Forms.field(ctx, "next"));
    List<FieldError> errors = new ArrayList<>();
    if (email.isEmpty()) {
      errors.add(new FieldError("email", "Enter your email address"));
    } else if (email.length() > 254 || !email.contains("@")) {
      errors.add(
          new FieldError(
              "email", "Enter an email address in the correct format, like name@example.sch.uk"));
    }
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", "Enter your password"));
    }
    if (!errors.isEmpty()) {
      signInAgain(ctx, email, next, errors);
      return;
    }
    String emailKey = "email:" + email.toLowerCase(Locale.ROOT);
    String ipKey = "ip:" + ctx.request().remoteAddress().host();
    if (limiter.blocked(emailKey) || perAddress.blocked(ipKey)) {
      ctx.fail(
          new ApiException(
              429,
              "There have been too many attempts to sign in. Wait 15 minutes and try again, or"
                  + " reset your password."));
      return;
    }
    blocking
        .call(
            () -> {
              Optional<User> u = users.byEmail(email);
              boolean ok = passwords.verify(password, u.map(User::passwordHash).orElse(null));
              return ok && u.isPresent() && !u.get().disabled() ? u.get() : null;
            })
        .onFailure(ctx::fail)
        .onSuccess(
            user -> {
              if (user == null) {
                limiter.failed(emailKey);
                perAddress.failed(ipKey);
                signInAgain(ctx, email, next, List.of(new FieldError("email", BAD_CREDENTIALS)));
                return;
              }
              limiter.succeeded(emailKey);
              sessions
                  .signIn(ctx, user, "password")
                  .onFailure(ctx::fail)
                  .onSuccess(p -> Layout.redirect(ctx, next));
            });
  }

  private void signInAgain(RoutingContext ctx, String email, String next, List<FieldError> errors) {
    Page page = layout.page(ctx, "Sign in").withErrors(errors);
    signInPage.render(ctx, page, email, "", next, false);
  }

  private void signOut(RoutingContext ctx) {
    sessions.signOut(ctx).onFailure(ctx::fail).onSuccess(v -> Layout.redirect(ctx, "/"));
  }

  private void demoPage(RoutingContext ctx) {
    layout.render(
        ctx, "demo-signin.jte", layout.page(ctx, "Demo sign-in"), "users", DemoData.users());
  }

  private void demoSignIn(RoutingContext ctx) {
    String id = Forms.field(ctx, "userId");
    boolean demoUser = DemoData.users().stream().anyMatch(u -> u.id().equals(id));
    if (!demoUser) {
      ctx.fail(ApiException.badRequest("userId must be one of the demo users"));
      return;
    }
    blocking
        .call(() -> users.byId(id).orElse(null))
        .compose(
            u ->
                u == null
                    ? io.vertx.core.Future.failedFuture(
                        ApiException.notFound("The demo user " + id + " is not in the store."))
                    : sessions.signIn(ctx, u, "demo"))
        .onFailure(ctx::fail)
        .onSuccess(p -> Layout.redirect(ctx, "/"));
  }
}
