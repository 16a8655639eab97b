package io.frontdesk.knowledge.index;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.article.ArticleStatus;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's index equal to the store. At start it rebuilds when the index is missing or
 * its marker differs from the store's change counter. Then it follows changes made by any process:
 * a change stream wakes it at once where the store offers one, and a poll of the counter every
 * {@value #POLL_MS} ms covers stores without one (the embedded store) and missed events.
 */
public final class IndexSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
  static final long POLL_MS = 250;

  /**
   * Change numbers are taken before the write lands, so a slower writer can land a lower number
   * after a faster one; re-reading a window below the highest applied number catches it.
   */
  private static final long LOOKBACK = 256;

  private final ArticleRepository repo;
  private final ArticleIndex index;
  private final MarkdownRenderer markdown;
  private final Map<String, Long> indexedSeq = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller;
  private volatile Thread watcher;
  private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
  private volatile boolean closed;
  private volatile String lastError;
  private long lastSeen = -1;
  private int recheck;

  private final boolean changeStreams;

  /** Told of every article version applied after start (this process's writes and others'). */
  private volatile Consumer<Document> applied = d -> {};

  /**
   * @param changeStreams whether to try a change stream (false for the embedded store, which has
   *     none and logs an error for the attempt)
   */
  public IndexSync(
      ArticleRepository repo,
      ArticleIndex index,
      MarkdownRenderer markdown,
      boolean changeStreams) {
    this.changeStreams = changeStreams;
    this.repo = repo;
    this.index = index;
    this.markdown = markdown;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kb-index-follow");
              t.setDaemon(true);
              return t;
            });
  }

  /** Rebuilds if needed (blocking), then starts following. */
  public void start() {
    long storeSeq = repo.currentSeq();
    if (!index.existed() || index.appliedSeq() != storeSeq) {
      long t0 = System.nanoTime();
      long marker = index.appliedSeq();
      int added;
      // Streamed from a cursor; the Markdown is rendered on the indexing threads.
      try (MongoCursor<Document> all = repo.articles().find().batchSize(1000).cursor()) {
        added =
            index.rebuild(
                all,
                d -> {
                  indexedSeq.put(d.getString("_id"), ArticleRepository.count(d, "seq"));
                  return toIndexed(d);
                },
                storeSeq);
      }
      LOG.info(
          "Search index rebuilt: {} articles in {} ms (index marker {} vs store {})",
          added,
          (System.nanoTime() - t0) / 1_000_000,
          index.existed() ? marker : "none",
          storeSeq);
    } else {
      for (Document d : repo.all()) {
        indexedSeq.put(d.getString("_id"), ArticleRepository.count(d, "seq"));
      }
    }
    poller.scheduleWithFixedDelay(this::pollQuietly, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    poller.scheduleWithFixedDelay(this::commitQuietly, 5, 5, TimeUnit.SECONDS);
    if (changeStreams) {
      startWatcher();
    }
  }

  /**
   * Calls {@code listener} with every article document applied to the index after start, on the
   * applying thread (a writer of this process, or the follower for other processes' writes): the
   * article service renders newly published versions there, once, for its readers. A failing
   * listener is logged and does not stop indexing.
   */
  public void onApplied(Consumer<Document> listener) {
    this.applied = listener;
  }

  /** Applies one article document written by this process and waits until it is searchable. */
  public void applyNow(Document d) {
    index.awaitSearchable(apply(d));
  }

  /**
   * Applies one article document written by this process without waiting for a refresh; a bulk
   * import applies many and then waits once with {@link #awaitApplied()}, instead of paying a
   * reader reopen per article.
   */
  public void applyLater(Document d) {
    apply(d);
  }

  /** Blocks until everything applied so far is searchable. */
  public void awaitApplied() {
    index.awaitSearchable(index.latestGeneration());
  }

  /**
   * The store's change number of the version of this article the index last applied (published or
   * not), or -1 if the index has not seen it: a reader's cache keyed by that number is current
   * exactly as far as this process's search results are.
   */
  public long seqOf(String id) {
    Long seq = indexedSeq.get(id);
    return seq == null ? -1 : seq;
  }

  /** Catches up with every change in the store (blocking). */
  public synchronized void catchUp() {
    long from = Math.max(0, index.appliedSeq() - LOOKBACK);
    for (Document d : repo.changedSince(from)) {
      apply(d);
    }
  }

  private synchronized long apply(Document d) {
    String id = d.getString("_id");
    long seq = ArticleRepository.count(d, "seq");
    Long known = indexedSeq.get(id);
    if (known != null && known >= seq) {
      // Already applied (by the poller, racing this writer): wait for that change instead.
      return index.latestGeneration();
    }
    indexedSeq.put(id, seq);
    long generation = toIndexed(d).map(index::upsert).orElseGet(() -> index.delete(id, seq));
    try {
      applied.accept(d);
    } catch (RuntimeException e) {
      LOG.warn("After indexing article {}: {}", id, e.toString());
    }
    return generation;
  }

  private void pollQuietly() {
    try {
      long current = repo.currentSeq();
      if (current != lastSeen || recheck > 0) {
        catchUp();
        // Look again a few rounds after a change: a writer that took a lower number may land late.
        recheck = current != lastSeen ? 4 : recheck - 1;
        lastSeen = current;
      }
      lastError = null;
    } catch (RuntimeException e) {
      if (lastError == null) {
        LOG.warn("Search index cannot follow the store: {}", e.toString());
      }
      lastError = e.toString();
    }
  }

  private void commitQuietly() {
    try {
      if (index.hasUncommittedChanges()) {
        index.commit();
      }
    } catch (RuntimeException e) {
      LOG.warn("Search index commit failed: {}", e.toString());
    }
  }

  /** Null when healthy, else why the index may be behind. */
  public String problem() {
    return lastError;
  }

  private void startWatcher() {
    Thread t =
        new Thread(
            () -> {
              try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> c =
                  repo.articles().watch().cursor()) {
                cursor = c;
                LOG.info("Search index follows the store through a change stream");
                while (!closed && c.hasNext()) {
                  c.next();
                  pollQuietly();
                }
              } catch (RuntimeException e) {
                if (!closed) {
                  LOG.info(
                      "No change stream from the store ({}); following by polling every {} ms",
                      e.getMessage(),
                      POLL_MS);
                }
              }
            },
            "kb-index-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  /** The published content of a stored article, if it is live and not archived. */
  java.util.Optional<IndexedArticle> toIndexed(Document d) {
    Document live = d.get("live", Document.class);
    if (live == null || ArticleStatus.ARCHIVED.name().equals(d.getString("status"))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new IndexedArticle(
            d.getString("_id"),
            live.getString("title"),
            live.getList("tags", String.class, List.of()),
            markdown.text(live.getString("body")),
            live.getString("service"),
            Audience.parseArticle(live.getString("audience")),
            ArticleRepository.count(d, "seq")));
  }

  @Override
  public void close() {
    closed = true;
    poller.shutdownNow();
    MongoChangeStreamCursor<?> c = cursor;
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // closing a cursor whose server has gone: nothing left to release
      }
    }
    try {
      poller.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
