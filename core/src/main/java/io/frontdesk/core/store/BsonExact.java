package io.frontdesk.core.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether mongo-java-server's BSON codec gives back exactly this document: the same classes and
 * values. True for what arrives over the wire (the server decoded it from BSON); false for what the
 * codec would change or refuse, such as an {@link Instant} finer than a millisecond (the server's
 * own clock), a {@code Set}, a map that is not a {@link Document}, a key with a NUL character, a
 * string with a lone surrogate (UTF-8 cannot carry it) or a Java type BSON has no type for. Those
 * documents are stored the old way (Java serialisation).
 */
final class BsonExact {
  private static final int MAX_DEPTH = 100;

  private BsonExact() {}

  static boolean carries(Document d) {
    return document(d, 0);
  }

  private static boolean document(Map<String, Object> d, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    for (Map.Entry<String, Object> e : d.entrySet()) {
      if (!cString(e.getKey()) || !value(e.getValue(), depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean value(Object v, int depth) {
    if (v == null
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean
        || v instanceof UUID) {
      return true;
    }
    if (v instanceof String s) {
      return wellFormed(s);
    }
    if (v instanceof Instant i) {
      return i.getNano() % 1_000_000 == 0 && inMillisRange(i);
    }
    if (v instanceof Document d) {
      return document(d, depth + 1);
    }
    if (v instanceof List<?> list) {
      if (depth + 1 > MAX_DEPTH) {
        return false;
      }
      for (Object o : list) {
        if (!value(o, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    Class<?> c = v.getClass();
    if (c == BsonRegularExpression.class) {
      BsonRegularExpression r = (BsonRegularExpression) v;
      return cString(r.getPattern()) && cString(r.getOptions());
    }
    if (c == BsonJavaScript.class) {
      return wellFormed(((BsonJavaScript) v).getCode());
    }
    return c == ObjectId.class
        || c == Decimal128.class
        || c == BinData.class
        || c == LegacyUUID.class
        || c == BsonTimestamp.class
        || c == MinKey.class
        || c == MaxKey.class;
  }

  private static boolean inMillisRange(Instant i) {
    long s = i.getEpochSecond();
    return s > Long.MIN_VALUE / 1000 + 1 && s < Long.MAX_VALUE / 1000 - 1;
  }

  /** A key or a regular expression: no NUL, and UTF-8 can carry it. */
  private static boolean cString(String s) {
    return s != null && s.indexOf('\0') < 0 && wellFormed(s);
  }

  /** No lone surrogate (the encoder would turn it into '?'). */
  static boolean wellFormed(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      if (Character.isSurrogate(ch)) {
        if (!Character.isHighSurrogate(ch)
            || i + 1 == n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
