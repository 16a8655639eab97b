package io.frontdesk.knowledge.index;

import io.frontdesk.knowledge.Audience;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of published articles: one {@link IndexWriter}, one {@link SearcherManager} that
 * a background thread reopens, and a marker (the store's change number) in each commit so a restart
 * can tell whether the index is behind the store. Derived data: it can always be rebuilt.
 */
public final class ArticleIndex implements AutoCloseable {
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String TAGS = "tags";
  public static final String BODY = "body";
  public static final String SERVICE = "service";
  public static final String AUDIENCE = "audience";
  public static final String SEQ = "seq";

  /** Commit user-data key: the highest store change number the index reflects. */
  static final String MARKER = "frontdesk.storeSeq";

  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
  private final AtomicLong appliedSeq;
  private final boolean existed;

  private ArticleIndex(Directory directory, Analyzer analyzer, Similarity similarity, boolean fresh)
      throws IOException {
    this.directory = directory;
    this.analyzer = analyzer;
    this.existed = !fresh && DirectoryReader.indexExists(directory);
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setSimilarity(similarity)
            .setRAMBufferSizeMB(64)
            .setOpenMode(
                fresh
                    ? IndexWriterConfig.OpenMode.CREATE
                    : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    this.writer = new IndexWriter(directory, config);
    long marker = 0;
    if (existed) {
      Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
      if (data != null) {
        for (Map.Entry<String, String> e : data) {
          if (e.getKey().equals(MARKER)) {
            marker = Long.parseLong(e.getValue());
          }
        }
      }
    }
    this.appliedSeq = new AtomicLong(marker);
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(
                  org.apache.lucene.index.IndexReader reader,
                  org.apache.lucene.index.IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                return s;
              }
            });
    // A waiter (a publish in this process) gets a reopen within 20 ms; otherwise at most 500 ms
    // stale, well inside the 1 s "searchable after a change" promise.
    this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 0.5, 0.02);
    reopener.setName("kb-index-reopen");
    reopener.setDaemon(true);
    reopener.start();
  }

  /** Opens (or creates) the index under {@code dir}. */
  public static ArticleIndex open(Path dir, Analyzer analyzer, Similarity similarity) {
    try {
      Files.createDirectories(dir);
      return new ArticleIndex(FSDirectory.open(dir), analyzer, similarity, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + dir, e);
    }
  }

  /** A throw-away index in memory (evaluation, benchmarks, tests). */
  public static ArticleIndex inMemory(Analyzer analyzer, Similarity similarity) {
    try {
      return new ArticleIndex(new ByteBuffersDirectory(), analyzer, similarity, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether an index was already on disk when this one was opened. */
  public boolean existed() {
    return existed;
  }

  /** The highest store change number this index reflects (from the last commit, then updates). */
  public long appliedSeq() {
    return appliedSeq.get();
  }

  public Analyzer analyzer() {
    return analyzer;
  }

  /** Adds or replaces one article; returns the generation to wait for. */
  public long upsert(IndexedArticle a) {
    try {
      long gen = writer.updateDocument(new Term(ID, a.id()), toDocument(a));
      appliedSeq.accumulateAndGet(a.seq(), Math::max);
      return gen;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes an article (archived or unpublished); returns the generation to wait for. */
  public long delete(String id, long seq) {
    try {
      long gen = writer.deleteDocuments(new Term(ID, id));
      appliedSeq.accumulateAndGet(seq, Math::max);
      return gen;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the whole index with these articles and commits with the marker. */
  public void rebuild(Collection<IndexedArticle> articles, long storeSeq) {
    try {
      writer.deleteAll();
      for (IndexedArticle a : articles) {
        writer.addDocument(toDocument(a));
      }
      appliedSeq.set(storeSeq);
      commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bulk add without per-document bookkeeping (benchmarks, evaluation). */
  public void addAll(Collection<IndexedArticle> articles) {
    try {
      for (IndexedArticle a : articles) {
        writer.addDocument(toDocument(a));
        appliedSeq.accumulateAndGet(a.seq(), Math::max);
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generation of the last completed change, for waiting on changes made by another thread. */
  public long latestGeneration() {
    return writer.getMaxCompletedSequenceNumber();
  }

  /** Blocks until a reader that sees generation {@code gen} is open (at most a few ms). */
  public void awaitSearchable(long gen) {
    try {
      reopener.waitForGeneration(gen, 2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Makes the changes durable and records the marker. */
  public synchronized void commit() {
    try {
      writer.setLiveCommitData(Map.of(MARKER, Long.toString(appliedSeq.get())).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean hasUncommittedChanges() {
    return writer.hasUncommittedChanges();
  }

  public IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of searchable documents (for health and tests). */
  public int size() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  private static Document toDocument(IndexedArticle a) {
    Document d = new Document();
    d.add(new StringField(ID, a.id(), Field.Store.YES));
    d.add(new TextField(TITLE, a.title(), Field.Store.YES));
    d.add(new TextField(TAGS, String.join(" ; ", a.tags()), Field.Store.YES));
    d.add(new TextField(BODY, a.body(), Field.Store.YES));
    d.add(new StoredField(SERVICE, a.service() == null ? "" : a.service()));
    d.add(new StringField(AUDIENCE, a.audience().wire(), Field.Store.YES));
    d.add(new StoredField(SEQ, a.seq()));
    return d;
  }

  /** Whether this reader may see the stored audience value. */
  public static boolean visible(Audience reader, String stored) {
    return reader.canSee(Audience.parseArticle(stored));
  }

  @Override
  public void close() {
    try {
      reopener.close();
      commit();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
