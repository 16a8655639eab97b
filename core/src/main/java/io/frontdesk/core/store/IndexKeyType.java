package io.frontdesk.core.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique-index maps: exactly H2's default {@link
 * ObjectDataType} (the order, and the bytes on disk), made cheap for mongo-java-server's {@link
 * KeyValue} keys.
 *
 * <p>{@code KeyValue} is not {@code Comparable}, so {@code ObjectDataType} orders two of them by
 * comparing their Java-serialised bytes, serialising both keys on every comparison: a unique-index
 * probe cost about 4 x log2(n) serialisations. This type keeps that order and that encoding but
 * serialises each key object once: a binary search serialises the probe key once, and the bytes of
 * the keys it compares against are memoised by identity in a small bounded cache (so the key just
 * inserted, and the upper levels of the tree, are not serialised again, neither by the next
 * comparison nor by the page write at commit). The commonest keys (strings, an ObjectId) are
 * serialised by {@link KeyValueSerializer} without an {@code ObjectOutputStream}, to the same
 * bytes. Keys of any other class take {@code ObjectDataType}'s own path unchanged.
 */
final class IndexKeyType extends ObjectDataType {
  /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, package-private there. */
  private static final byte SERIALIZED = 19;

  private final IdentityBytesCache cache;
  private final KeyValueSerializer serializer;

  /** Running average of a key's serialised size, as {@code ObjectDataType} keeps (racy, a hint). */
  private int averageSize = 256;

  IndexKeyType(int cacheSize, KeyValueSerializer serializer) {
    this.cache = new IdentityBytesCache(cacheSize);
    this.serializer = serializer;
  }

  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof KeyValue && b instanceof KeyValue) {
      return compareNotNull(bytes(a), bytes(b));
    }
    return super.compare(a, b);
  }

  /** {@code BasicDataType.binarySearch}, with the probe key serialised once. */
  @Override
  public int binarySearch(Object key, Object storage, int size, int initialGuess) {
    if (!(key instanceof KeyValue)) {
      return super.binarySearch(key, storage, size, initialGuess);
    }
    byte[] probe = bytes(key);
    Object[] keys = (Object[]) storage;
    int low = 0;
    int high = size - 1;
    int x = initialGuess - 1;
    if (x < 0 || x > high) {
      x = high >>> 1;
    }
    while (low <= high) {
      Object other = keys[x];
      int c;
      if (other == key) {
        c = 0;
      } else if (other instanceof KeyValue) {
        c = compareNotNull(probe, bytes(other));
      } else {
        c = super.compare(key, other);
      }
      if (c > 0) {
        low = x + 1;
      } else if (c < 0) {
        high = x - 1;
      } else {
        return x;
      }
      x = (low + high) >>> 1;
    }
    return ~low;
  }

  /** Byte for byte what {@code ObjectDataType} writes for a serialised object. */
  @Override
  public void write(WriteBuffer buff, Object obj) {
    if (obj instanceof KeyValue) {
      byte[] b = bytes(obj);
      buff.put(SERIALIZED).putVarInt(b.length).put(b);
    } else {
      super.write(buff, obj);
    }
  }

  /**
   * As {@code ObjectDataType} reads a serialised object, remembering the bytes of a key: they are
   * the bytes this key had when it was ordered into the tree. The old code serialised the
   * deserialised key again, which gives the same bytes for strings, numbers, ids and dates; for a
   * key holding a document the stored bytes are, if anything, the more faithful (a map's serialised
   * form records its capacity, which deserialising need not reproduce).
   */
  @Override
  public Object read(ByteBuffer buff) {
    int start = buff.position();
    if (buff.get(start) != SERIALIZED) {
      return super.read(buff);
    }
    buff.get();
    byte[] b = new byte[DataUtils.readVarInt(buff)];
    buff.get(b);
    Object key = serializer.deserialize(b);
    if (key == null) {
      key = deserialize(b);
    }
    if (key instanceof KeyValue) {
      cache.put(key, b);
      averageSize = (b.length + 15 * averageSize) / 16;
    }
    return key;
  }

  /**
   * What {@code ObjectDataType} converges to for a serialised object: twice its bytes (a running
   * average for a key not in the cache; {@code ObjectDataType}'s own average would stay at its
   * starting 10,000, since this type reads and writes keys itself).
   */
  @Override
  public int getMemory(Object obj) {
    if (obj instanceof KeyValue) {
      byte[] b = cache.get(obj);
      return 2 * (b != null ? b.length : averageSize);
    }
    return super.getMemory(obj);
  }

  private byte[] bytes(Object key) {
    byte[] b = cache.get(key);
    if (b == null) {
      b = serializer.serialize((KeyValue) key);
      if (b == null) {
        b = serialize(key);
      }
      cache.put(key, b);
      averageSize = (b.length + 15 * averageSize) / 16;
    }
    return b;
  }
}
