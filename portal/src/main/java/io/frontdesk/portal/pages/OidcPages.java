package io.frontdesk.portal.pages;

import io.frontdesk.portal.PortalConfig;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.auth.OidcSignIn;
import io.frontdesk.portal.auth.Sessions;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /sign-in/staff}, {@code /sign-in/school} and {@code /auth/callback}: sign-in through
 * OpenID Connect, with the council's provider for staff or a school's own for its users. The school
 * is chosen by the picker ({@code ?school=id}) or by the domain of the e-mail address the user
 * types ({@code ?email=}).
 */
public final class OidcPages implements PortalPages {
  static final String STATE_COOKIE = "fd_oidc_state";

  private final OidcSignIn oidc;
  private final Sessions sessions;
  private final boolean secure;
  private final Layout layout;
  private final SignInPage signInPage;
  private final List<PortalConfig.SchoolOidc> schools;

  public OidcPages(
      OidcSignIn oidc,
      Sessions sessions,
      PortalConfig config,
      Layout layout,
      SignInPage signInPage) {
    this.oidc = oidc;
    this.sessions = sessions;
    this.secure = config.secureCookies();
    this.layout = layout;
    this.signInPage = signInPage;
    this.schools = config.schoolOidc();
  }

  @Override
  public void mount(Router r) {
    r.get("/sign-in/staff").handler(this::staff);
    r.get("/sign-in/school").handler(this::school);
    r.get("/auth/callback").handler(this::callback);
  }

  private void staff(RoutingContext ctx) {
    start(ctx, OidcSignIn.STAFF);
  }

  /**
   * The school's provider by picker or by e-mail domain; the sign-in page with an error if none.
   */
  private void school(RoutingContext ctx) {
    String next = Guard.safeNext(ctx.request().getParam("next"));
    String id = Forms.param(ctx, "school");
    String email = Forms.param(ctx, "email").strip().toLowerCase(Locale.ROOT);
    Optional<PortalConfig.SchoolOidc> chosen;
    String problem;
    if (!id.isEmpty()) {
      chosen = schools.stream().filter(s -> s.schoolId().equals(id)).findFirst();
      problem = "Choose your school from the list, or sign in with your email and password";
    } else if (email.isEmpty()) {
      chosen = Optional.empty();
      problem = "Enter your school email address";
    } else if (email.length() > 254 || email.indexOf('@') <= 0) {
      chosen = Optional.empty();
      problem = "Enter an email address in the correct format, like name@school.sch.uk";
    } else {
      String domain = email.substring(email.lastIndexOf('@') + 1);
      chosen = schools.stream().filter(s -> s.domains().contains(domain)).findFirst();
      problem =
          "Your school does not sign in with its own accounts here; sign in with your email"
              + " and password below";
    }
    if (chosen.isEmpty()) {
      signInPage.render(
          ctx,
          layout.page(ctx, "Sign in").withErrors(List.of(new FieldError("school-email", problem))),
          "",
          email.length() > 254 ? "" : email,
          next,
          false);
      return;
    }
    start(ctx, OidcSignIn.schoolKey(chosen.get().schoolId()));
  }

  private void start(RoutingContext ctx, String key) {
    oidc.start(key, Guard.safeNext(ctx.request().getParam("next")))
        .onFailure(ctx::fail)
        .onSuccess(
            s -> {
              ctx.response()
                  .addCookie(
                      Cookie.cookie(STATE_COOKIE, s.state())
                          .setPath("/")
                          .setHttpOnly(true)
                          .setSecure(secure)
                          .setSameSite(CookieSameSite.LAX)
                          .setMaxAge(600));
              Layout.redirect(ctx, s.url());
            });
  }

  private void callback(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(STATE_COOKIE);
    String cookieState = c == null ? null : c.getValue();
    // Read before removing: removal blanks the same cookie object.
    ctx.response().removeCookie(STATE_COOKIE, true);
    if (ctx.request().getParam("error") != null) {
      ctx.fail(
          io.frontdesk.core.http.ApiException.forbidden(
              "The sign-in was cancelled or refused. Try again, or contact the service desk."));
      return;
    }
    oidc.finish(ctx.request().getParam("state"), cookieState, ctx.request().getParam("code"))
        .compose(r -> sessions.signIn(ctx, r.user(), "oidc").map(r.next()))
        .onFailure(ctx::fail)
        .onSuccess(next -> Layout.redirect(ctx, next));
  }
}
