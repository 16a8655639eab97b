package io.frontdesk.bot.state;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Activity ids that the in-process set forgot while a redelivery of them was still possible, kept
 * as 64-bit fingerprints so the embedded store never has to be asked (docs/BENCHMARKS.md, "Bot:
 * claims without the store's index (session 17)"). A fingerprint is exact for any practical
 * purpose: two ids share one with a chance of about one in 2^64 / n (n ids held), and the hash is
 * seeded at random per process, so ids cannot be crafted to collide.
 *
 * <p>The window is cut into {@value #SLICES} slices; each holds the fingerprints added during it in
 * an open-addressing table (8 bytes a slot, at most three quarters full). A slice is dropped once
 * the newest id it holds is a window old. So memory follows the rate of forgotten ids: none below
 * the in-process set's bound (about 170 answers/s sustained), about 11 to 21 bytes an id above it.
 *
 * <p>One thread adds (the set's evictor); any thread asks. An id is added before it leaves the
 * in-process set, and a reader asks only after finding it gone from there, so the reader sees the
 * table (or grown table) that holds it.
 */
final class ForgottenIds {
  static final int SLICES = 10;

  /** Marks an empty slot: fingerprints are never zero. */
  private static final long EMPTY = 0;

  private final long windowNanos;
  private final long sliceNanos;
  private final long seed = new SecureRandom().nextLong();

  /** Live slices, newest first; replaced (never changed) when a slice starts or is dropped. */
  private volatile List<Slice> slices = List.of();

  private static final class Slice {
    final long start;
    volatile AtomicLongArray table;

    /** Writer-only: how many fingerprints, and when the next slice started (the last add). */
    int size;

    long end = Long.MAX_VALUE;

    Slice(long start, int capacity) {
      this.start = start;
      this.table = new AtomicLongArray(capacity);
    }
  }

  ForgottenIds(long windowNanos) {
    this.windowNanos = windowNanos;
    this.sliceNanos = Math.max(1, windowNanos / SLICES);
  }

  /** Remembers an id forgotten at {@code now}, by its {@link #fingerprint}. */
  void add(long f, long now) {
    List<Slice> live = slices;
    Slice s = live.isEmpty() ? null : live.get(0);
    if (s == null || now - s.start >= sliceNanos) {
      s = startSlice(live, s, now);
    }
    if ((s.size + 1) * 4L > s.table.length() * 3L) {
      grow(s);
    }
    if (insert(s.table, f)) {
      s.size++;
    }
  }

  /**
   * Whether the id of this {@link #fingerprint} was forgotten within the last window (or one slice
   * more).
   */
  boolean contains(long f) {
    for (Slice s : slices) {
      if (find(s.table, f)) {
        return true;
      }
    }
    return false;
  }

  /** How many fingerprints are held (tests, and the memory figures in the docs). */
  int size() {
    return slices.stream().mapToInt(s -> s.size).sum();
  }

  private Slice startSlice(List<Slice> live, Slice newest, long now) {
    // Sized for as many ids as the previous slice took, so a steady rate never grows a table.
    int capacity = newest == null ? 1024 : tableFor(newest.size);
    Slice fresh = new Slice(now, capacity);
    List<Slice> next = new ArrayList<>(live.size() + 1);
    next.add(fresh);
    for (Slice old : live) {
      if (old == newest) {
        old.end = now;
      }
      // Everything in a slice was claimed before its end: a window after that, it can go.
      if (now - old.end < windowNanos) {
        next.add(old);
      }
    }
    slices = List.copyOf(next);
    return fresh;
  }

  private static int tableFor(int ids) {
    int capacity = 1024;
    while (capacity * 3L < ids * 4L + 4) {
      capacity <<= 1;
    }
    return capacity;
  }

  private static void grow(Slice s) {
    AtomicLongArray old = s.table;
    AtomicLongArray bigger = new AtomicLongArray(old.length() * 2);
    for (int i = 0; i < old.length(); i++) {
      long f = old.get(i);
      if (f != EMPTY) {
        insert(bigger, f);
      }
    }
    s.table = bigger;
  }

  private static boolean insert(AtomicLongArray table, long f) {
    int i = probe(table, f);
    if (table.get(i) == f) {
      return false;
    }
    table.set(i, f);
    return true;
  }

  private static boolean find(AtomicLongArray table, long f) {
    return table.get(probe(table, f)) == f;
  }

  /** The slot holding {@code f}, or the empty one where it would go (linear probing). */
  private static int probe(AtomicLongArray table, long f) {
    int mask = table.length() - 1;
    int i = slot(f, mask);
    for (long at = table.get(i); at != f && at != EMPTY; at = table.get(i)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int slot(long f, int mask) {
    return (int) (f ^ (f >>> 32)) & mask;
  }

  /**
   * A seeded 64-bit hash of the characters (a multiply-rotate step per character, finished with
   * MurmurHash3's mix); never {@link #EMPTY}. The in-process set of recent ids is keyed by it too.
   */
  long fingerprint(String s) {
    long h = seed ^ s.length();
    for (int i = 0; i < s.length(); i++) {
      h = Long.rotateLeft((h ^ s.charAt(i)) * 0x9e3779b97f4a7c15L, 29);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }
}
