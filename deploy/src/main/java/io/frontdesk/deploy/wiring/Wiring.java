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

  /**
   * Mounts handlers that establish who is asking (sessions, tokens) on the root router, right after
   * the request log and before any module's routes, so every API sees the principal.
   */
  default void mountAuthentication(Router root) {}

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
