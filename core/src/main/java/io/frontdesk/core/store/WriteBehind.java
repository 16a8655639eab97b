package io.frontdesk.core.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that need not be on the request path (search analytics, view counts, transcripts): a
 * bounded in-memory queue that a worker drains in batches, every interval or as soon as a batch is
 * full. When the queue is full an entry is dropped and counted ({@code
 * frontdesk_write_behind_dropped_total}), so a slow store costs analytics, never memory. Made by
 * {@link WriteBehinds}, which also flushes every buffer on shutdown.
 *
 * <p>A direct buffer (no worker) hands each entry to the sink at once, on the caller's thread: what
 * tests and one-shot tools use.
 */
public final class WriteBehind<T> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

  private final String name;
  private final Consumer<List<T>> sink;
  private final BlockingQueue<T> queue;
  private final int batch;
  private final boolean direct;
  private final Function<Runnable, Future<Void>> worker;
  private final ReentrantLock draining = new ReentrantLock();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong failedBatches = new AtomicLong();
  private final Counter dropped;
  private final Counter failed;

  WriteBehind(
      String name,
      Consumer<List<T>> sink,
      int capacity,
      int batch,
      Function<Runnable, Future<Void>> worker,
      MeterRegistry registry) {
    this.name = name;
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    this.batch = Math.max(1, batch);
    this.direct = worker == null;
    this.worker = worker;
    this.dropped =
        Counter.builder("frontdesk.write.behind.dropped")
            .description("Entries dropped because the write-behind buffer was full")
            .tag("buffer", name)
            .register(registry);
    this.failed =
        Counter.builder("frontdesk.write.behind.failed")
            .description("Entries lost because their batch could not be written")
            .tag("buffer", name)
            .register(registry);
    Gauge.builder("frontdesk.write.behind.pending", queue, BlockingQueue::size)
        .description("Entries waiting to be written")
        .tag("buffer", name)
        .register(registry);
  }

  public String name() {
    return name;
  }

  /**
   * Queues an entry; never blocks. False if the buffer was full and the entry was dropped. A direct
   * buffer writes it at once instead (a failure is logged, as for a batch).
   */
  public boolean offer(T entry) {
    if (direct) {
      write(List.of(entry));
      return true;
    }
    if (!queue.offer(entry)) {
      dropped.increment();
      return false;
    }
    if (queue.size() >= batch) {
      drainSoon();
    }
    return true;
  }

  /** False for a direct buffer, whose {@link #offer} writes (and blocks) at once. */
  public boolean batched() {
    return !direct;
  }

  /** Entries queued and not yet written. */
  public int pending() {
    return queue.size();
  }

  /** Drains on a worker unless a drain is already on its way. */
  void drainSoon() {
    if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      worker.apply(this::flushBlocking).onComplete(r -> scheduled.set(false));
    }
  }

  /**
   * Writes everything queued before the call, in batches; when it returns, those entries are in the
   * store (or were counted as failed). Concurrent drains take turns, so a write in flight on
   * another thread has finished too. Blocking: call off the event loop.
   */
  public void flushBlocking() {
    flushAndCheck();
  }

  /**
   * {@link #flushBlocking}, saying whether it all went to the store (an eviction that must not
   * forget what the store lacks asks).
   *
   * @return false if a batch could not be written (its entries are lost, and counted)
   */
  public boolean flushAndCheck() {
    draining.lock();
    try {
      boolean all = true;
      // Only what is queued now (what a drain before this one left included): under sustained
      // load the queue refills as fast as it is written, and a drain that ran until it was empty
      // held the one write-behind worker for minutes while the other buffers filled and dropped.
      int left = queue.size();
      List<T> chunk = new ArrayList<>(Math.min(batch, 1024));
      while (left > 0 && queue.drainTo(chunk, Math.min(batch, left)) > 0) {
        left -= chunk.size();
        all &= write(chunk);
        chunk = new ArrayList<>(Math.min(batch, 1024));
      }
      return all;
    } finally {
      draining.unlock();
    }
  }

  /**
   * One warning when the store starts failing, one line when it recovers: a store that is down for
   * minutes would otherwise log every batch (four a second per buffer).
   */
  private boolean write(List<T> chunk) {
    try {
      sink.accept(chunk);
    } catch (RuntimeException e) {
      failed.increment(chunk.size());
      if (failedBatches.getAndIncrement() == 0) {
        LOG.warn(
            "Write-behind '{}': {} entries not written: {} (further failures are counted in"
                + " frontdesk_write_behind_failed_total until a batch is written)",
            name,
            chunk.size(),
            e.toString());
      } else {
        LOG.debug("Write-behind '{}': {} entries not written: {}", name, chunk.size(), e);
      }
      return false;
    }
    long streak = failedBatches.getAndSet(0);
    if (streak > 0) {
      LOG.warn("Write-behind '{}': writing again after {} failed batches", name, streak);
    }
    return true;
  }
}
