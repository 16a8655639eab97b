package io.frontdesk.knowledge.article;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

  /** Bumped by every change; a read caches what it found only if nothing changed meanwhile. */
  private final AtomicLong changes = new AtomicLong();

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

  /** Call before reading the store; pass the result to {@link #put}. */
  long mark() {
    return changes.get();
  }

  void put(long mark, Entry e) {
    if (!enabled() || changes.get() != mark) {
      return;
    }
    String id = e.view().id();
    if (entries.size() >= max && !entries.containsKey(id)) {
      Iterator<String> any = entries.keySet().iterator();
      if (any.hasNext()) {
        entries.remove(any.next());
      }
    }
    entries.put(id, new Timed(e, System.nanoTime() + nanos));
    if (changes.get() != mark) {
      entries.remove(id);
    }
  }

  /** The article changed (or is about to): readers must read it again. */
  void forget(String id) {
    changes.incrementAndGet();
    entries.remove(id);
  }

  int size() {
    return entries.size();
  }
}
