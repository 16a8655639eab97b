package io.frontdesk.portal;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The web portal. For now the home page; the portal issues grow it into the full service. */
public final class PortalRoutes {
  private final Vertx vertx;
  private final String serviceName;

  public PortalRoutes(Vertx vertx, String serviceName) {
    this.vertx = vertx;
    this.serviceName = serviceName;
  }

  public Router router() {
    Router router = Router.router(vertx);
    router.get("/").handler(this::home);
    return router;
  }

  private void home(RoutingContext ctx) {
    String name = Html.escape(serviceName);
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>%1$s</title>
            </head>
            <body>
              <header><p><a href="/">%1$s</a></p></header>
              <main id="main-content">
                <h1>How can we help?</h1>
                <form action="/kb" method="get" role="search">
                  <label for="q">Search for help with IT</label>
                  <input id="q" name="q" type="search" maxlength="500">
                  <button type="submit">Search</button>
                </form>
                <p>You can also ask Frontdesk in Microsoft Teams.</p>
              </main>
            </body>
            </html>
            """
                .formatted(name));
  }
}
