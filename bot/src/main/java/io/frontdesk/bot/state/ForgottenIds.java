package io.frontdesk.bot.state;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Activity ids that the in-process set forgot while a redelivery of them was still possible: two
 * Bloom filters, each covering one window. It can say "maybe" for an id it never saw (then the
 * caller reads the store, which knows), never "no" for one it did, so a claim reads the store only
 * for the rare id that may have been forgotten, not for every claim while the set is full.
 *
 * <p>An id added during a generation needs remembering until its claim is a window old, which is
 * before the generation after it ends; so at each rotation the older generation is dropped. One
 * thread adds (the set's evictor); any thread asks.
 */
final class ForgottenIds {
  private static final int HASHES = 3;

  private final long windowNanos;
  private final int mask;
  private final int longs;
  private volatile Generation current;
  private volatile Generation previous;

  private record Generation(AtomicLongArray bits, long start) {}

  /**
   * @param bitsLog2 log2 of each filter's size in bits (25: 4 MB each, about 2 % false "maybe" with
   *     3.6 million ids forgotten in a window, 6,000 answers/s sustained)
   */
  ForgottenIds(long windowNanos, int bitsLog2) {
    this.windowNanos = windowNanos;
    this.mask = (1 << bitsLog2) - 1;
    this.longs = Math.max(1, (1 << bitsLog2) / 64);
  }

  /** Remembers an id forgotten at {@code now}; allocates the first filter on first use. */
  void add(String id, long now) {
    Generation g = current;
    if (g == null) {
      g = new Generation(new AtomicLongArray(longs), now);
      current = g;
    } else if (now - g.start() >= windowNanos) {
      // Everything in the older generation was claimed a window ago or more: it can go.
      previous = g;
      g = new Generation(new AtomicLongArray(longs), now);
      current = g;
    }
    long h = hash(id);
    int h1 = (int) h;
    int h2 = (int) (h >>> 32);
    for (int i = 0; i < HASHES; i++) {
      int bit = (h1 + i * h2) & mask;
      long m = 1L << (bit & 63);
      g.bits().getAndUpdate(bit >>> 6, v -> v | m);
    }
  }

  /** False only if the id was not forgotten within the last window. */
  boolean mightContain(String id) {
    Generation c = current;
    if (c == null) {
      return false;
    }
    long h = hash(id);
    return contains(c, h) || contains(previous, h);
  }

  private boolean contains(Generation g, long h) {
    if (g == null) {
      return false;
    }
    int h1 = (int) h;
    int h2 = (int) (h >>> 32);
    for (int i = 0; i < HASHES; i++) {
      int bit = (h1 + i * h2) & mask;
      if ((g.bits().get(bit >>> 6) & (1L << (bit & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** 64-bit FNV-1a over the characters, finished with a mix so both halves are usable. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h | 1L << 32; // an odd step: the three probes differ
  }
}
