package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Results of recent searches, for a question asked again ("I'm locked out" is asked all day): the
 * engine's own result for the same text, audience and limit, reused only while the index and the
 * synonyms it was computed from are still the ones in use. A change to either (an article published
 * or edited, a synonym edit) makes every entry stale at once, so a cached result is always the
 * result the engine would give now; ranking is untouched.
 *
 * <p>Bounded: when full, the result used least recently is dropped, so the busiest questions stay
 * (emptying the whole cache when full, as before, dropped them with the rest every {@code max}
 * distinct questions). A search holds the lock only to look up or store an entry, never while the
 * engine runs. Hits and misses are counted, for the metrics.
 */
public final class ResultCache {
  private record Key(String text, Audience audience, int limit, boolean snippets) {}

  private record Entry(Object snapshot, SearchEngine.Result result) {}

  private final Supplier<Object> snapshot;
  private final int max;
  private final Map<Key, Entry> entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param snapshot identifies what results are computed from (the open index reader and the
   *     synonyms); compared with {@code equals}
   * @param max entries kept; 0 turns the cache off
   */
  public ResultCache(Supplier<Object> snapshot, int max) {
    this.snapshot = snapshot;
    this.max = max;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > max;
          }
        };
  }

  /**
   * A cache that follows the index and the synonyms: a result is reused only while the index reader
   * in use (a new one after every change to the index) and the synonym groups (by content: they are
   * reloaded every few seconds as a new, usually equal, set) are those it was computed from.
   */
  public static ResultCache following(ArticleIndex index, SynonymService synonyms, int max) {
    return new ResultCache(
        () -> {
          IndexSearcher s = index.acquire();
          try {
            IndexReader.CacheHelper helper = s.getIndexReader().getReaderCacheHelper();
            Object reader = helper == null ? s.getIndexReader() : helper.getKey();
            return List.of(reader, synonyms.current().groups());
          } finally {
            index.release(s);
          }
        },
        max);
  }

  /** A cache that keeps nothing. */
  public static ResultCache off() {
    return new ResultCache(() -> null, 0);
  }

  /**
   * The engine's result for this question now if it is cached, else null (counted as a hit only
   * when found). Never blocks: a map look-up and the snapshot (an in-memory reader and synonyms).
   */
  SearchEngine.Result peek(String text, Audience audience, int limit, boolean snippets) {
    if (max <= 0) {
      return null;
    }
    return cached(new Key(text, audience, limit, snippets), snapshot.get());
  }

  /**
   * The entry's result if it was computed from {@code now}'s index and synonyms (a hit), or null.
   */
  private SearchEngine.Result cached(Key key, Object now) {
    Entry e;
    synchronized (entries) {
      e = entries.get(key);
    }
    if (e != null && e.snapshot().equals(now)) {
      hits.increment();
      return e.result();
    }
    return null;
  }

  /** What the engine gave for this question now, or computes it. Blocking. */
  SearchEngine.Result get(
      String text,
      Audience audience,
      int limit,
      boolean snippets,
      Supplier<SearchEngine.Result> run) {
    if (max <= 0) {
      return run.get();
    }
    Key key = new Key(text, audience, limit, snippets);
    // Taken before the search: a result computed while the index changes is kept under the old
    // snapshot, so it is never served once the new one is in use.
    Object now = snapshot.get();
    SearchEngine.Result hit = cached(key, now);
    if (hit != null) {
      return hit;
    }
    misses.increment();
    SearchEngine.Result ran = run.get();
    SearchEngine.Result r =
        new SearchEngine.Result(List.copyOf(ran.hits()), ran.answer(), ran.features());
    synchronized (entries) {
      entries.put(key, new Entry(now, r));
    }
    return r;
  }

  /** Searches answered from the cache since start. */
  public long hits() {
    return hits.sum();
  }

  /** Searches the engine ran (the cache on, but no usable entry) since start. */
  public long misses() {
    return misses.sum();
  }
}
