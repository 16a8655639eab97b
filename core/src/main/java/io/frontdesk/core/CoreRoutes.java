package io.frontdesk.core;

import io.frontdesk.core.health.HealthRegistry;
import io.frontdesk.core.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The operational routes: {@code GET /health} and {@code GET /metrics}. */
public final class CoreRoutes {
  private final Vertx vertx;
  private final HealthRegistry health;
  private final Metrics metrics;

  public CoreRoutes(Vertx vertx, HealthRegistry health, Metrics metrics) {
    this.vertx = vertx;
    this.health = health;
    this.metrics = metrics;
  }

  public Router router() {
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(metrics.scrapeHandler());
    return router;
  }

  private void health(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(health.ready() ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(health.report().encode());
  }
}
