package io.frontdesk.knowledge.article;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published articles as last read and rendered, for readers: an article page or a bot answer then
 * needs no store read, no markdown rendering and no sanitising, and stays on the event loop.
 *
 * <p>An entry is keyed by the article's version (the store's change number {@code seq} of the write
 * that produced it) and is served for as long as this process's search index, which follows every
 * process's changes ({@code IndexSync}: at once through a change stream, else within its 250 ms
 * poll), holds that same version. So a change made through another server process reaches readers
 * here as soon as it reaches this process's search results. While the index does not know the
 * article at all (it has not yet seen another process's new article) an entry is served for at most
 * the cache time. Every change made in this process drops the entry at once. Bounded: past {@code
 * max} entries an arbitrary one is dropped for each new one.
 */
final class PublishedCache {
  /** What was read: the rendered view, and the version it was read at. */
  record Entry(Article view, long seq) {}

  private record Timed(Entry entry, long until) {}

  private final long nanos;
  private final int max;
  private final Map<String, Timed> entries = new ConcurrentHashMap<>();

  /**
   * @param keep how long an entry serves while the index cannot confirm its version; zero turns the
   *     cache off
   * @param max entries kept at most
   */
  PublishedCache(Duration keep, int max) {
    this.nanos = keep.toNanos();
    this.max = max;
  }

  /**
   * The entry for {@code id} if it is still the current version.
   *
   * @param indexedSeq the version this process's index holds, or a negative number if it holds none
   */
  Optional<Entry> get(String id, long indexedSeq) {
    Timed t = entries.get(id);
    if (t == null) {
      return Optional.empty();
    }
    boolean current =
        indexedSeq >= 0 ? t.entry().seq() >= indexedSeq : t.until() - System.nanoTime() >= 0;
    if (!current) {
      entries.remove(id, t);
      return Optional.empty();
    }
    return Optional.of(t.entry());
  }

  boolean enabled() {
    return nanos > 0 && max > 0;
  }

  /**
   * Keeps {@code e} unless an entry of a later version is already there (the index follower and a
   * writer of this process can render the same article at once, in either order).
   */
  void put(Entry e) {
    if (!enabled()) {
      return;
    }
    String id = e.view().id();
    if (entries.size() >= max && !entries.containsKey(id)) {
      Iterator<String> any = entries.keySet().iterator();
      if (any.hasNext()) {
        entries.remove(any.next());
      }
    }
    Timed t = new Timed(e, System.nanoTime() + nanos);
    entries.merge(id, t, (old, neu) -> old.entry().seq() > neu.entry().seq() ? old : neu);
  }

  /**
   * This process wrote version {@code seq} of the article: drop any entry of an earlier version
   * (one of this version, rendered by the index follower that saw the write first, stays).
   */
  void forget(String id, long seq) {
    entries.computeIfPresent(id, (k, t) -> t.entry().seq() >= seq ? t : null);
  }

  int size() {
    return entries.size();
  }
}
