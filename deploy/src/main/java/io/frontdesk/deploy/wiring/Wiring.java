package io.frontdesk.deploy.wiring;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/**
 * One module's part of the composition root: it builds the module's objects (every {@code new}
 * stays in deploy), mounts its routes, seeds its demo data and closes what it opened.
 */
public interface Wiring {
  /** Opens what the module needs (indexes, collections) before the server accepts requests. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Mounts the module's routes on the root router. */
  default void mount(Router root) {}

  /** Seeds demo data; called only with --demo, and only when the store is empty. */
  default Future<Void> seedDemo() {
    return Future.succeededFuture();
  }

  /** Flushes and closes, after the HTTP server has drained. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
