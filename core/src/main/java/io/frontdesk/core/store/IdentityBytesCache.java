package io.frontdesk.core.store;

/**
 * A small, bounded memo of each object's serialised bytes, keyed by the object's identity (never by
 * {@code equals}: two equal index keys may serialise differently, for example 1 and 1L, and the
 * B-tree order is that of the bytes). Direct-mapped: one entry per slot, a newer entry replaces an
 * older one in the same slot. Safe for concurrent use without locks: each slot holds an immutable
 * entry (final fields, so a reader sees it whole or not at all), a reader checks the entry is for
 * its own object, and a lost race only costs a second serialisation. Entries hold their keys
 * strongly, which the bound limits to {@code slots} objects.
 */
final class IdentityBytesCache {
  private record Entry(Object key, byte[] bytes) {}

  private final Entry[] slots;
  private final int mask;

  /** {@code size} is rounded up to a power of two. */
  IdentityBytesCache(int size) {
    int n = Integer.highestOneBit(Math.max(2, size - 1)) << 1;
    this.slots = new Entry[n];
    this.mask = n - 1;
  }

  /** The bytes remembered for exactly this object, or null. */
  byte[] get(Object key) {
    Entry e = slots[index(key)];
    return e != null && e.key() == key ? e.bytes() : null;
  }

  void put(Object key, byte[] bytes) {
    slots[index(key)] = new Entry(key, bytes);
  }

  int capacity() {
    return slots.length;
  }

  private int index(Object key) {
    int h = System.identityHashCode(key);
    return (h ^ (h >>> 16)) & mask;
  }
}
