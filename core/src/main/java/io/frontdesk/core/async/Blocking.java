package io.frontdesk.core.async;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs blocking work (the sync Mongo driver, Lucene, LDAP, SMTP) off the event loop and hands back
 * a Future. Unordered, so independent requests run in parallel on the worker pool.
 */
public final class Blocking {
  private final Vertx vertx;
  private final WorkerExecutor executor;

  private Blocking(Vertx vertx, WorkerExecutor executor) {
    this.vertx = vertx;
    this.executor = executor;
  }

  /** Uses Vert.x's shared worker pool. */
  public static Blocking on(Vertx vertx) {
    return new Blocking(vertx, null);
  }

  /** Uses a named pool of its own, so one kind of work cannot starve another. */
  public static Blocking pool(Vertx vertx, String name, int size) {
    return new Blocking(vertx, vertx.createSharedWorkerExecutor(name, size));
  }

  public <T> Future<T> call(Callable<T> work) {
    return executor == null
        ? vertx.executeBlocking(work, false)
        : executor.executeBlocking(work, false);
  }

  public Future<Void> run(Runnable work) {
    return call(
        () -> {
          work.run();
          return null;
        });
  }

  public Vertx vertx() {
    return vertx;
  }
}
