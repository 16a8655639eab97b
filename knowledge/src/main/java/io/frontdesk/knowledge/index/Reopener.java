package io.frontdesk.knowledge.index;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens the searcher in the background: at once when a writer waits for its change, otherwise at
 * most {@code maxStaleMs} after a change. Unlike Lucene's ControlledRealTimeReopenThread it can be
 * held off during a bulk load, because every reopen flushes the writer's buffers into a new
 * segment: reopening twice a second through a rebuild of thousands of articles left a dozen small
 * segments to merge and to search.
 */
final class Reopener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reopener.class);

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final long maxStaleNs;
  private final Thread thread;
  private long searchableGen = -1;
  private long wantedGen = -1;
  private int holds;
  private boolean closed;

  Reopener(IndexWriter writer, SearcherManager searchers, long maxStaleMs) {
    this.writer = writer;
    this.searchers = searchers;
    this.maxStaleNs = TimeUnit.MILLISECONDS.toNanos(maxStaleMs);
    this.thread = new Thread(this::run, "kb-index-reopen");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits until a searcher that sees generation {@code gen} is open, at most {@code ms}. */
  synchronized void await(long gen, long ms) throws InterruptedException {
    if (gen > wantedGen) {
      wantedGen = gen;
      notifyAll();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (searchableGen < gen && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Holds reopening off until {@link #release()}; the caller refreshes when done. */
  synchronized void hold() {
    holds++;
  }

  synchronized void release() {
    holds--;
    notifyAll();
  }

  private void run() {
    long last = System.nanoTime();
    while (true) {
      synchronized (this) {
        try {
          while (!closed
              && (holds > 0
                  || (wantedGen <= searchableGen && System.nanoTime() - last < maxStaleNs))) {
            long left = maxStaleNs - (System.nanoTime() - last);
            TimeUnit.NANOSECONDS.timedWait(this, holds > 0 ? maxStaleNs : Math.max(left, 1));
          }
        } catch (InterruptedException e) {
          return;
        }
        if (closed) {
          return;
        }
      }
      long gen = writer.getMaxCompletedSequenceNumber();
      try {
        searchers.maybeRefreshBlocking();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Search index reopen failed: {}", e.toString());
      }
      last = System.nanoTime();
      synchronized (this) {
        searchableGen = Math.max(searchableGen, gen);
        notifyAll();
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
