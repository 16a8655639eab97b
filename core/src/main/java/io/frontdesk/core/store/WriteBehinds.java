package io.frontdesk.core.store;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Makes a module's {@link WriteBehind} buffers and owns their timer: every {@code interval} each
 * buffer with entries is drained on the write-behind worker (one thread, so batches from all
 * buffers take turns at the store instead of competing with requests). {@link #close()} flushes
 * them all; the server's shutdown closes every module after the HTTP drain, so an entry accepted
 * before SIGTERM is written before the store closes.
 */
public final class WriteBehinds {
  /** Settings (docs/CONFIGURATION.md). */
  public record Options(int capacity, int batch, long intervalMs) {
    public static final String CAPACITY = "FRONTDESK_WRITE_BEHIND_CAPACITY";
    public static final String BATCH = "FRONTDESK_WRITE_BEHIND_BATCH";
    public static final String INTERVAL_MS = "FRONTDESK_WRITE_BEHIND_MS";

    public static Options load(Settings s) {
      return new Options(
          s.integer(CAPACITY, 50_000, 100, 1_000_000),
          s.integer(BATCH, 500, 1, 10_000),
          s.integer(INTERVAL_MS, 250, 10, 60_000));
    }
  }

  /** The worker pool the batches are written on (shared by name across modules). */
  public static final String POOL = "frontdesk-write-behind";

  private final Vertx vertx;
  private final Blocking worker;
  private final Options options;
  private final MeterRegistry registry;
  private final List<WriteBehind<?>> buffers = new CopyOnWriteArrayList<>();
  private long timer = -1;

  private WriteBehinds(Vertx vertx, Blocking worker, Options options, MeterRegistry registry) {
    this.vertx = vertx;
    this.worker = worker;
    this.options = options;
    this.registry = registry;
  }

  /** Buffers drained in batches on the write-behind worker, every {@code options.intervalMs}. */
  public static WriteBehinds batched(Vertx vertx, Options options, MeterRegistry registry) {
    WriteBehinds w = new WriteBehinds(vertx, Blocking.pool(vertx, POOL, 1), options, registry);
    w.timer = vertx.setPeriodic(options.intervalMs(), id -> w.drainAll());
    return w;
  }

  /** Buffers that write each entry at once on the caller's thread (tests, one-shot tools). */
  public static WriteBehinds direct() {
    return new WriteBehinds(null, null, new Options(1, 1, 0), new SimpleMeterRegistry());
  }

  public <T> WriteBehind<T> create(String name, Consumer<List<T>> sink) {
    WriteBehind<T> b =
        new WriteBehind<>(
            name,
            sink,
            options.capacity(),
            options.batch(),
            worker == null ? null : worker::run,
            registry);
    buffers.add(b);
    return b;
  }

  private void drainAll() {
    buffers.forEach(WriteBehind::drainSoon);
  }

  /**
   * Runs a task on the write-behind worker, after the batches already on their way (at once on the
   * caller's thread for direct buffers): for work that must wait for the store but not on a
   * request's thread.
   */
  public Future<Void> run(Runnable task) {
    if (worker == null) {
      task.run();
      return Future.succeededFuture();
    }
    return worker.run(task);
  }

  /** Writes everything queued so far in every buffer. Blocking. */
  public void flushBlocking() {
    buffers.forEach(WriteBehind::flushBlocking);
  }

  /** Writes everything queued so far; completes when it is in the store. */
  public Future<Void> flush() {
    return worker == null ? Future.succeededFuture() : worker.run(this::flushBlocking);
  }

  /** Stops the timer and flushes every buffer. */
  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    return flush();
  }
}
