package io.frontdesk.portal.pages;

import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.auth.OidcSignIn;
import io.frontdesk.portal.auth.Sessions;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /sign-in/staff} and {@code /auth/callback}: staff sign-in through OpenID Connect. */
public final class OidcPages implements PortalPages {
  static final String STATE_COOKIE = "fd_oidc_state";

  private final OidcSignIn oidc;
  private final Sessions sessions;
  private final boolean secure;

  public OidcPages(OidcSignIn oidc, Sessions sessions, boolean secure) {
    this.oidc = oidc;
    this.sessions = sessions;
    this.secure = secure;
  }

  @Override
  public void mount(Router r) {
    r.get("/sign-in/staff").handler(this::start);
    r.get("/auth/callback").handler(this::callback);
  }

  private void start(RoutingContext ctx) {
    oidc.start(Guard.safeNext(ctx.request().getParam("next")))
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
              "Council sign-in was cancelled or refused. Try again, or contact the service desk."));
      return;
    }
    oidc.finish(ctx.request().getParam("state"), cookieState, ctx.request().getParam("code"))
        .compose(r -> sessions.signIn(ctx, r.user(), "oidc").map(r.next()))
        .onFailure(ctx::fail)
        .onSuccess(next -> Layout.redirect(ctx, next));
  }
}
