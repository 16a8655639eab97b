package io.frontdesk.knowledge.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the index into one segment, its articles grouped by title words ({@link ArticleOrder}),
 * once writes have stopped for a quiet period, at most once per interval, on its own background
 * thread. After a rebuild (already one segment, in the order written) it groups that segment.
 *
 * <p>Why: articles published one by one (an import through the API, a day's curation) leave the
 * index in several segments, because every reopen for "searchable within 1 s" flushes one and the
 * merge policy only merges once about ten of a size gather. Each search seeks every term and sets
 * up its scorers once per segment: at 10,000 articles in 4 segments a search page's query took 1.94
 * ms against 0.96 ms in one (docs/BENCHMARKS.md, "Portal: fifth pass"). A knowledge base is read
 * far more than it changes, so rewriting it after a burst of changes pays for itself; the interval
 * bounds the cost when changes trickle in all day (each merge rewrites the whole index).
 */
public final class IndexCompaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexCompaction.class);

  /** Seconds without index writes before the index is merged into one segment; 0 turns it off. */
  public static final String QUIET_SECONDS = "FRONTDESK_KB_INDEX_MERGE_QUIET_SECONDS";

  public static final int DEFAULT_QUIET_SECONDS = 5;

  /** The shortest time between two merges. */
  public static final Duration INTERVAL = Duration.ofMinutes(10);

  private final ArticleIndex index;
  private final long quietNs;
  private final long intervalNs;
  private final ScheduledExecutorService thread;
  private long lastMerge;
  private int sizeAtLastMerge;
  private boolean merged;
  private volatile int merges;

  /**
   * @param quiet how long writes must have stopped for
   * @param interval the shortest time between two merges
   */
  public IndexCompaction(ArticleIndex index, Duration quiet, Duration interval) {
    this.index = index;
    this.quietNs = quiet.toNanos();
    this.intervalNs = interval.toNanos();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kb-index-merge");
              t.setDaemon(true);
              // Below the search pool and the event loops: a merge may take seconds of CPU.
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
  }

  /** Starts looking (a few times per quiet period) for a quiet index to merge. */
  public IndexCompaction start() {
    if (quietNs > 0 && index.mergeable()) {
      long period = Math.max(50, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(quietNs) / 4));
      thread.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** How many merges have completed (tests and benchmarks). */
  public int merges() {
    return merges;
  }

  private void check() {
    try {
      if (index.sinceLastWriteNanos() < quietNs || index.compact()) {
        return;
      }
      int size = index.size();
      if (merged && System.nanoTime() - lastMerge < intervalNs && size < 2L * sizeAtLastMerge) {
        return;
      }
      long t0 = System.nanoTime();
      int before = index.segments();
      boolean grouped = index.mergeToOneSegment();
      lastMerge = System.nanoTime();
      sizeAtLastMerge = size;
      merged = true;
      merges++;
      LOG.info(
          "Search index merged from {} segment(s) into one{} in {} ms",
          before,
          grouped ? ", grouped by title words," : "",
          (lastMerge - t0) / 1_000_000);
    } catch (RuntimeException e) {
      // Try again after the interval, not every few seconds: a failing merge costs as much.
      lastMerge = System.nanoTime();
      merged = true;
      LOG.warn("Search index merge failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    // Not interrupted: an interrupt inside Lucene's file reads can close the index's files. A merge
    // under way finishes first (the writer's close would wait for it anyway).
    thread.shutdown();
    try {
      thread.awaitTermination(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
