package io.frontdesk.knowledge.index;

import io.frontdesk.knowledge.semantic.TitleVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds many articles to the writer from several threads. The caller's thread only reads the source
 * (a store cursor, say) into batches; the indexing threads turn each item into an article
 * (rendering its Markdown, for a store document) and add it with a reused {@link ArticleDocument}.
 * The writer gives each thread its own in-memory segment, so analysis, the bulk of the cost, runs
 * in parallel. At most two batches per thread wait in memory, so a large store is streamed rather
 * than loaded whole.
 */
final class BulkLoader {
  static final int BATCH = 500;

  private final IndexWriter writer;
  private final int threads;
  private final TitleVectors vectors;

  BulkLoader(IndexWriter writer, int threads, TitleVectors vectors) {
    this.writer = writer;
    this.vectors = vectors;
    this.threads = Math.max(1, threads);
  }

  /** Adds every item that converts to an article; returns how many were added. */
  <T> int load(Iterator<T> source, Function<T, Optional<IndexedArticle>> convert)
      throws IOException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "kb-index-bulk");
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<ArticleDocument> docs =
        ThreadLocal.withInitial(() -> new ArticleDocument(writer.getAnalyzer(), vectors));
    Semaphore room = new Semaphore(2 * threads);
    List<Future<Integer>> parts = new ArrayList<>();
    try {
      while (source.hasNext()) {
        List<T> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && source.hasNext()) {
          batch.add(source.next());
        }
        room.acquire();
        parts.add(
            pool.submit(
                () -> {
                  try {
                    return add(batch, convert, docs.get());
                  } finally {
                    room.release();
                  }
                }));
      }
      int added = 0;
      for (Future<Integer> f : parts) {
        added += f.get();
      }
      return added;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private <T> int add(
      List<T> batch, Function<T, Optional<IndexedArticle>> convert, ArticleDocument doc)
      throws IOException {
    int added = 0;
    for (T item : batch) {
      Optional<IndexedArticle> a = convert.apply(item);
      if (a.isPresent()) {
        writer.addDocument(doc.fill(a.get()));
        added++;
      }
    }
    return added;
  }
}
