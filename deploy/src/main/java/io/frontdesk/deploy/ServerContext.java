package io.frontdesk.deploy;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.health.HealthRegistry;
import io.frontdesk.core.metrics.Metrics;
import io.frontdesk.core.store.MongoStore;
import io.vertx.core.Vertx;

/**
 * What every module's wiring is built from.
 *
 * @param demo started with {@code --demo}: demo data and the demo sign-in
 */
public record ServerContext(
    Vertx vertx,
    FrontdeskConfig config,
    Settings settings,
    MongoStore store,
    HealthRegistry health,
    Metrics metrics,
    Blocking blocking,
    boolean demo) {}
