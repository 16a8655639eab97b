package io.frontdesk.knowledge.article;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Published articles as last read and rendered, for readers, for a few seconds: an article page or
 * a bot answer then needs no store read and no markdown rendering. Every change made in this
 * process drops the entry at once; a change made by another server process is seen within the cache
 * time. Bounded: it empties itself rather than grow past {@link #MAX} entries.
 */
final class PublishedCache {
  static final int MAX = 2_000;

  /** What was read (for the audience check) and its rendered view. */
  record Entry(Document stored, Article view) {}

  private record Timed(Entry entry, long until) {}

  private final long nanos;
  private final Map<String, Timed> entries = new ConcurrentHashMap<>();

  /** Bumped by every change; a read caches what it found only if nothing changed meanwhile. */
  private final AtomicLong changes = new AtomicLong();

  PublishedCache(Duration keep) {
    this.nanos = keep.toNanos();
  }

  Optional<Entry> get(String id) {
    Timed t = entries.get(id);
    if (t == null) {
      return Optional.empty();
    }
    if (t.until() - System.nanoTime() < 0) {
      entries.remove(id, t);
      return Optional.empty();
    }
    return Optional.of(t.entry());
  }

  /** Call before reading the store; pass the result to {@link #put}. */
  long mark() {
    return changes.get();
  }

  void put(long mark, Entry e) {
    if (nanos <= 0 || changes.get() != mark) {
      return;
    }
    if (entries.size() >= MAX) {
      entries.clear();
    }
    String id = e.view().id();
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
}
