package io.frontdesk.knowledge.index;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.semantic.TitleVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
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

  /** The body's analysed words, with frequencies and no positions (ArticleDocument). */
  public static final String BODY = "body";

  public static final String SERVICE = "service";
  public static final String AUDIENCE = "audience";
  public static final String SEQ = "seq";

  /**
   * The title's and the body's word pairs ({@link PairFilter}): each pair of words that stand close
   * together, one term, with frequencies but no positions. The ranking's proximity clauses are term
   * queries on these instead of sloppy phrase queries.
   */
  public static final String TITLE_PAIRS = "title_pairs";

  public static final String BODY_PAIRS = "body_pairs";

  /** The title's embedding, when semantic ranking is on ({@code FRONTDESK_KB_SEMANTIC}). */
  public static final String TITLE_VECTOR = "title_vector";

  /** Commit user-data key: the highest store change number the index reflects. */
  static final String MARKER = "frontdesk.storeSeq";

  /**
   * Commit user-data key and value: the layout of the documents. An index written with another
   * layout (say, a body without offsets) cannot take new documents, so it is recreated and rebuilt
   * from the store.
   */
  static final String FORMAT_KEY = "frontdesk.indexFormat";

  // 6: the body without positions.
  static final String FORMAT = "6";

  /**
   * What a hit shows (id, title, service, and the start of the body that snippets are cut from) as
   * one binary doc value ({@link Shown}), read by the search instead of stored fields. The body
   * itself is indexed but not stored: loading a whole stored body for each hit on each search
   * (decompressing it with its neighbours) was the largest cost of a search after scoring; format 4
   * moved the excerpt from a stored field to this doc value for the same reason, and format 5 added
   * where the excerpt's analysed words are ({@link ExcerptWords}) so snippets need no analysis.
   */
  public static final String SHOWN = "shown";

  private static final int BULK_THREADS = 2;
  private static final double RAM_MB = 64;
  private static final double BULK_RAM_MB = 256;

  /**
   * Below this many articles the index is not grouped ({@link ArticleOrder}): it is a few dozen
   * blocks of 128, searched in well under a millisecond either way.
   */
  private static final int GROUP_MIN_ARTICLES = 2_048;

  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Reopener reopener;
  private final AtomicLong appliedSeq;
  private final boolean existed;
  private final TitleVectors vectors;
  private final ArticleOrder order = new ArticleOrder();

  /**
   * Held by a rebuild and by a merge: a compaction waits for the rebuild, then groups its result.
   * Not the monitor of {@link #commit()}, so commits (the store follower's) go on during a merge.
   */
  private final ReentrantLock maintenance = new ReentrantLock();

  /** When the last document was added, replaced or deleted ({@link System#nanoTime()}). */
  private final AtomicLong lastWrite = new AtomicLong(System.nanoTime());

  private ArticleIndex(
      Directory directory,
      Analyzer analyzer,
      Similarity similarity,
      boolean fresh,
      TitleVectors vectors)
      throws IOException {
    this.directory = directory;
    this.vectors = vectors;
    this.analyzer = analyzer;
    Map<String, String> previous =
        !fresh && DirectoryReader.indexExists(directory) ? commitData(directory) : null;
    this.existed = previous != null && format().equals(previous.get(FORMAT_KEY));
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setSimilarity(similarity)
            .setRAMBufferSizeMB(RAM_MB)
            .setMergePolicy(order)
            .setOpenMode(
                existed
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                    : IndexWriterConfig.OpenMode.CREATE);
    this.writer = new IndexWriter(directory, config);
    long marker = existed ? Long.parseLong(previous.getOrDefault(MARKER, "0")) : 0;
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
    // A waiter (a publish in this process) gets a reopen at once; otherwise at most 500 ms
    // stale, well inside the 1 s "searchable after a change" promise.
    this.reopener = new Reopener(writer, searchers, 500);
    reopener.start();
  }

  private static Map<String, String> commitData(Directory directory) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(directory)) {
      return r.getIndexCommit().getUserData();
    }
  }

  /** Opens (or creates) the index under {@code dir}. */
  public static ArticleIndex open(Path dir, Analyzer analyzer, Similarity similarity) {
    return open(dir, analyzer, similarity, null);
  }

  /**
   * Opens (or creates) the index under {@code dir}, with title vectors when {@code vectors} is not
   * null. An index written with other vectors (or none) is recreated, like an older format.
   */
  public static ArticleIndex open(
      Path dir, Analyzer analyzer, Similarity similarity, TitleVectors vectors) {
    try {
      Files.createDirectories(dir);
      return new ArticleIndex(FSDirectory.open(dir), analyzer, similarity, false, vectors);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + dir, e);
    }
  }

  /** A throw-away index in memory (evaluation, benchmarks, tests). */
  public static ArticleIndex inMemory(Analyzer analyzer, Similarity similarity) {
    return inMemory(analyzer, similarity, null);
  }

  /** A throw-away index in memory, with title vectors when {@code vectors} is not null. */
  public static ArticleIndex inMemory(
      Analyzer analyzer, Similarity similarity, TitleVectors vectors) {
    try {
      return new ArticleIndex(new ByteBuffersDirectory(), analyzer, similarity, true, vectors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The layout number, with the embedder whose title vectors the index holds. */
  private String format() {
    return vectors == null ? FORMAT : FORMAT + "+" + vectors.embedder().name() + "-dv";
  }

  /** Whether {@code field} holds word pairs rather than words. */
  public static boolean isPairs(String field) {
    return field.equals(TITLE_PAIRS) || field.equals(BODY_PAIRS);
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
      long gen =
          writer.updateDocument(new Term(ID, a.id()), ArticleDocument.of(a, analyzer, vectors));
      lastWrite.set(System.nanoTime());
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
      lastWrite.set(System.nanoTime());
      appliedSeq.accumulateAndGet(seq, Math::max);
      return gen;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the whole index with these articles and commits with the marker. */
  public void rebuild(List<IndexedArticle> articles, long storeSeq) {
    rebuild(articles.iterator(), Optional::of, storeSeq);
  }

  /**
   * Replaces the whole index with the articles that {@code convert} makes of {@code source}'s items
   * (a store cursor, say: read on this thread, converted and indexed on the bulk threads), and
   * commits with the marker. Returns how many articles were indexed.
   */
  public <T> int rebuild(
      Iterator<T> source, Function<T, Optional<IndexedArticle>> convert, long storeSeq) {
    maintenance.lock();
    try {
      writer.deleteAll();
      int added = bulkAdd(source, convert);
      // The bulk threads leave one segment each. Merged into one, every search seeks each term
      // and sets up its scorers once instead of per segment: 18 % less CPU at p50 and 30 % less
      // at p99 at 100k articles (docs/BENCHMARKS.md), for a merge of a few seconds at start-up.
      // The index is derived and read-mostly, so later single writes add small segments that the
      // merge policy handles as usual. With title vectors the merge would also rebuild the vector
      // graph, which was not measured, so that index keeps its segments.
      if (vectors == null) {
        writer.forceMerge(1);
      }
      appliedSeq.set(storeSeq);
      commit();
      searchers.maybeRefreshBlocking();
      return added;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      maintenance.unlock();
    }
  }

  /** Bulk add without per-document bookkeeping (benchmarks, evaluation). */
  public void addAll(List<IndexedArticle> articles) {
    try {
      bulkAdd(articles.iterator(), Optional::of);
      for (IndexedArticle a : articles) {
        appliedSeq.accumulateAndGet(a.seq(), Math::max);
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds from up to {@link #BULK_THREADS} threads ({@link BulkLoader}) with one large in-memory
   * segment per thread and no commit or reopen until the end: every reopen would flush a segment.
   */
  private <T> int bulkAdd(Iterator<T> source, Function<T, Optional<IndexedArticle>> convert)
      throws IOException {
    reopener.hold();
    writer.getConfig().setRAMBufferSizeMB(BULK_RAM_MB);
    try {
      int threads = Math.min(BULK_THREADS, Runtime.getRuntime().availableProcessors());
      return new BulkLoader(writer, threads, vectors).load(source, convert);
    } finally {
      writer.getConfig().setRAMBufferSizeMB(RAM_MB);
      reopener.release();
    }
  }

  /** Nanoseconds ({@link System#nanoTime()}) since the last single add, replace or delete. */
  public long sinceLastWriteNanos() {
    return System.nanoTime() - lastWrite.get();
  }

  /** How many segments the open searcher reads: each search visits every one. */
  public int segments() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().leaves().size();
    } finally {
      release(s);
    }
  }

  /**
   * Whether {@link #mergeToOneSegment()} applies: with title vectors a merge also rebuilds the
   * vector graph, which was not measured (as in {@link #rebuild}), so that index keeps its
   * segments.
   */
  public boolean mergeable() {
    return vectors == null;
  }

  /**
   * Whether {@link #mergeToOneSegment()} has nothing to do: the index is one segment, grouped by
   * title words ({@link ArticleOrder}; or that was tried and given up) or too small to need it.
   */
  public boolean compact() {
    IndexSearcher s = acquire();
    try {
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      if (leaves.size() != 1) {
        return leaves.isEmpty();
      }
      LeafReader only = leaves.get(0).reader();
      return only.numDocs() < GROUP_MIN_ARTICLES
          || !(only instanceof SegmentReader r)
          || ArticleOrder.attempted(r.getSegmentInfo());
    } finally {
      release(s);
    }
  }

  /**
   * Merges the whole index into one segment grouped by title words ({@link ArticleOrder}; a lone
   * ungrouped segment is rewritten), commits and opens a searcher on it (blocking: seconds at 100k
   * articles). Writes may go on meanwhile: they land in new segments and are searchable as usual,
   * the merge only rewrites the segments that existed when it started. Returns whether the merge
   * grouped (the index was large enough to).
   */
  public boolean mergeToOneSegment() {
    maintenance.lock();
    try {
      boolean group = size() >= GROUP_MIN_ARTICLES;
      order.grouping(group);
      try {
        writer.forceMerge(1);
      } finally {
        order.grouping(false);
      }
      commit();
      searchers.maybeRefreshBlocking();
      return group;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      maintenance.unlock();
    }
  }

  /** The generation of the last completed change, for waiting on changes made by another thread. */
  public long latestGeneration() {
    return writer.getMaxCompletedSequenceNumber();
  }

  /** Blocks until a reader that sees generation {@code gen} is open (at most a few ms). */
  public void awaitSearchable(long gen) {
    try {
      reopener.await(gen, 2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Makes the changes durable and records the marker. */
  public synchronized void commit() {
    try {
      writer.setLiveCommitData(
          Map.of(MARKER, Long.toString(appliedSeq.get()), FORMAT_KEY, format()).entrySet());
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
