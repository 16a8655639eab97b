package io.frontdesk.core.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Java serialisation of the commonest unique-index keys, byte for byte what {@link
 * ObjectDataType#serialize} gives, without an {@code ObjectOutputStream}: a key of one to four
 * strings (distinct objects) or a single ObjectId. A {@code KeyValue} holds an {@code ArrayList} of
 * its values, so such a key serialises as a fixed prefix for its shape, its values, and an end
 * marker. The prefixes are taken from real serialisations of sample keys when this class is built,
 * and checked against real serialisations of awkward samples (empty, non-ASCII, NUL, a surrogate
 * pair); if any differs, every key takes the real path. Any other key returns null, for the caller
 * to serialise it for real. Reading is the mirror image: bytes of one of these shapes, in their
 * canonical encoding, give the same key Java deserialisation would; any other bytes give null.
 */
final class KeyValueSerializer {
  private static final int MAX_STRINGS = 4;
  private static final byte TC_STRING = 0x74;
  private static final byte TC_ENDBLOCKDATA = 0x78;
  private static final int OBJECT_ID_BYTES = 12;

  /** By count of strings; index 0 unused. */
  private final byte[][] stringPrefix = new byte[MAX_STRINGS + 1][];

  private final byte[] objectIdPrefix;
  private final boolean enabled;

  KeyValueSerializer() {
    boolean ok = true;
    for (int n = 1; n <= MAX_STRINGS && ok; n++) {
      List<Object> empties = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        empties.add(new String(new char[0]));
      }
      byte[] b = ObjectDataType.serialize(new KeyValue(empties));
      int tail = 3 * n + 1; // n x (TC_STRING, 0, 0), then TC_ENDBLOCKDATA
      ok = b.length > tail && b[b.length - 1] == TC_ENDBLOCKDATA;
      stringPrefix[n] = Arrays.copyOf(b, Math.max(0, b.length - tail));
    }
    byte[] id = ObjectDataType.serialize(new KeyValue(new ObjectId(new byte[OBJECT_ID_BYTES])));
    objectIdPrefix = Arrays.copyOf(id, Math.max(0, id.length - OBJECT_ID_BYTES - 1));
    enabled = ok && selfCheck();
  }

  boolean enabled() {
    return enabled;
  }

  /** Exactly {@code ObjectDataType.serialize(key)}, or null for a key of another shape. */
  byte[] serialize(KeyValue key) {
    return enabled ? shaped(key) : null;
  }

  private byte[] shaped(KeyValue key) {
    int n = key.size();
    if (n == 1 && key.get(0) instanceof ObjectId id && id.getClass() == ObjectId.class) {
      byte[] data = id.toByteArray();
      if (data.length != OBJECT_ID_BYTES) {
        return null;
      }
      byte[] out = Arrays.copyOf(objectIdPrefix, objectIdPrefix.length + OBJECT_ID_BYTES + 1);
      System.arraycopy(data, 0, out, objectIdPrefix.length, OBJECT_ID_BYTES);
      out[out.length - 1] = TC_ENDBLOCKDATA;
      return out;
    }
    return n <= MAX_STRINGS ? strings(key, n) : null;
  }

  private byte[] strings(KeyValue key, int n) {
    byte[] prefix = stringPrefix[n];
    int length = prefix.length + 1;
    for (int i = 0; i < n; i++) {
      if (!(key.get(i) instanceof String s)) {
        return null;
      }
      for (int j = 0; j < i; j++) {
        if (key.get(j) == s) { // written once, then as a back reference
          return null;
        }
      }
      int utf = utfLength(s);
      if (utf > 0xFFFF) { // a long string has its own tag
        return null;
      }
      length += 3 + utf;
    }
    byte[] out = Arrays.copyOf(prefix, length);
    int p = prefix.length;
    for (int i = 0; i < n; i++) {
      String s = (String) key.get(i);
      int utf = utfLength(s);
      out[p++] = TC_STRING;
      out[p++] = (byte) (utf >>> 8);
      out[p++] = (byte) utf;
      p = writeModifiedUtf8(s, out, p);
    }
    out[p] = TC_ENDBLOCKDATA;
    return out;
  }

  /** {@code DataOutputStream.writeUTF}'s length: NUL and U+0080..U+07FF two bytes, above three. */
  private static int utfLength(String s) {
    int len = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      len += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    return len;
  }

  private static int writeModifiedUtf8(String s, byte[] out, int p) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        out[p++] = (byte) c;
      } else if (c <= 0x07FF) {
        out[p++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        out[p++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }

  /**
   * The key that Java deserialisation would give for these bytes, when they are of a shape this
   * class writes (in its canonical encoding), else null.
   */
  KeyValue deserialize(byte[] b) {
    return enabled ? parse(b) : null;
  }

  private KeyValue parse(byte[] b) {
    if (b.length == 0 || b[b.length - 1] != TC_ENDBLOCKDATA) {
      return null;
    }
    if (b.length == objectIdPrefix.length + OBJECT_ID_BYTES + 1 && startsWith(b, objectIdPrefix)) {
      return new KeyValue(new ObjectId(Arrays.copyOfRange(b, objectIdPrefix.length, b.length - 1)));
    }
    for (int n = 1; n <= MAX_STRINGS; n++) {
      if (startsWith(b, stringPrefix[n])) {
        return strings(b, n);
      }
    }
    return null;
  }

  private KeyValue strings(byte[] b, int n) {
    List<Object> values = new ArrayList<>(n);
    int p = stringPrefix[n].length;
    int end = b.length - 1;
    for (int i = 0; i < n; i++) {
      if (p + 3 > end || b[p] != TC_STRING) {
        return null;
      }
      int len = ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
      p += 3;
      if (p + len > end) {
        return null;
      }
      String s = readModifiedUtf8(b, p, p + len);
      if (s == null) {
        return null;
      }
      values.add(s);
      p += len;
    }
    return p == end ? new KeyValue(values) : null;
  }

  /** The canonical modified UTF-8 that {@link #writeModifiedUtf8} writes, else null. */
  private static String readModifiedUtf8(byte[] b, int from, int to) {
    char[] out = new char[to - from];
    int n = 0;
    int p = from;
    while (p < to) {
      int c = b[p] & 0xFF;
      int ch;
      if (c >= 0x01 && c <= 0x7F) {
        ch = c;
        p++;
      } else if ((c & 0xE0) == 0xC0 && p + 1 < to && (b[p + 1] & 0xC0) == 0x80) {
        ch = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
        if (ch != 0 && ch < 0x80) {
          return null;
        }
        p += 2;
      } else if ((c & 0xF0) == 0xE0
          && p + 2 < to
          && (b[p + 1] & 0xC0) == 0x80
          && (b[p + 2] & 0xC0) == 0x80) {
        ch = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
        if (ch < 0x800) {
          return null;
        }
        p += 3;
      } else {
        return null;
      }
      out[n++] = (char) ch;
    }
    return new String(out, 0, n);
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  private boolean selfCheck() {
    List<KeyValue> samples =
        List.of(
            new KeyValue("a"),
            new KeyValue(new String(new char[0])),
            new KeyValue("caf\u00e9 \u20ac \uD83D\uDE00 \0 end"),
            new KeyValue("x".repeat(300)),
            new KeyValue("one", "two"),
            new KeyValue("s1", "ref", "three", "\u00ff"),
            new KeyValue(new ObjectId()));
    for (KeyValue k : samples) {
      byte[] fast = shaped(k);
      if (fast == null || !Arrays.equals(fast, ObjectDataType.serialize(k))) {
        return false;
      }
      KeyValue back = parse(fast);
      if (!k.equals(back) || !k.equals(ObjectDataType.deserialize(fast))) {
        return false;
      }
    }
    return true;
  }
}
