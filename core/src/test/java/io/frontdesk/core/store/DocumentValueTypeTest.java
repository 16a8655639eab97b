package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents written as BSON under their own tag; the old Java-serialised values still read. */
class DocumentValueTypeTest {
  private final DocumentValueType type = new DocumentValueType();

  @Test
  void everyBsonTypeRoundTripsExactlyAsBson() {
    Document d = everyType();
    byte[] bytes = written(type, d);
    assertThat(bytes[0]).isEqualTo(DocumentValueType.BSON_TAG);
    Object back = type.read(ByteBuffer.wrap(bytes));
    assertThat(comparable(back)).isEqualTo(comparable(d));
    assertSameClasses(d, back);
  }

  @Test
  void readsValuesWrittenByTheDefaultType() {
    Document d = everyType().append("fine", Instant.ofEpochSecond(5, 123_456_789));
    byte[] old = written(new ObjectDataType(), d);
    assertThat(old[0]).isEqualTo((byte) 19);
    assertThat(comparable(type.read(ByteBuffer.wrap(old)))).isEqualTo(comparable(d));
  }

  @Test
  void whatBsonWouldChangeIsWrittenTheOldWay() {
    for (Document d :
        List.of(
            new Document("at", Instant.ofEpochSecond(1_700_000_000L, 1_000)), // server clock, ns
            new Document("set", Set.of("a")),
            new Document("map", new java.util.HashMap<>(Map.of("a", 1))),
            new Document("short", (short) 3),
            new Document("lone", "a\uD800b"),
            new Document("bad\0key", 1),
            new Document(
                "deep",
                new Document("x", List.of(new Document("at", Instant.ofEpochSecond(1, 5))))))) {
      byte[] bytes = written(type, d);
      assertThat(bytes[0]).as("%s", d).isEqualTo((byte) 19);
      assertThat(type.read(ByteBuffer.wrap(bytes))).isEqualTo(d);
    }
  }

  @Test
  void theOldCodeRefusesTheNewFormatInsteadOfMisreadingIt() {
    byte[] bytes = written(type, new Document("a", 1));
    assertThatThrownBy(() -> new ObjectDataType().read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MVStoreException.class);
  }

  @Test
  void readsConsecutiveValuesOfBothFormats() {
    WriteBuffer buff = new WriteBuffer();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Object v =
          i % 3 == 0
              ? new Document("n", i).append("at", Instant.ofEpochSecond(i, 7))
              : new Document("n", i).append("s", "x".repeat(i * 50));
      values.add(v);
      type.write(buff, v);
    }
    ByteBuffer b = buff.getBuffer();
    b.flip();
    for (Object v : values) {
      assertThat(type.read(b)).isEqualTo(v);
    }
    assertThat(b.hasRemaining()).isFalse();
  }

  static Document everyType() {
    UUID uuid = UUID.randomUUID();
    return new Document("_id", new ObjectId())
        .append("s", "héllo ✓ 😀")
        .append("i", 42)
        .append("l", Long.MIN_VALUE)
        .append("d", -0.0)
        .append("nan", Double.NaN)
        .append("b", true)
        .append("null", null)
        .append("at", Instant.ofEpochMilli(1_700_000_000_123L))
        .append("dec", Decimal128.fromNumber(new java.math.BigDecimal("1234.5678")))
        .append("bin", new BinData(new byte[] {0, 1, (byte) 255}))
        .append("uuid", uuid)
        .append("legacy", new LegacyUUID(uuid))
        .append("ts", new BsonTimestamp(1_700_000_000L << 32 | 3))
        .append("re", new BsonRegularExpression("^a.c$", "i"))
        .append("js", new BsonJavaScript("function() {}"))
        .append("min", MinKey.getInstance())
        .append("max", MaxKey.getInstance())
        .append(
            "nested",
            new Document("list", List.of(1, "two", new Document("three", 3L), List.of(4.0))));
  }

  /**
   * The value with the classes that have no equals (regular expressions; MinKey and MaxKey, which
   * Java deserialisation does not keep singletons) replaced by what they mean.
   */
  static Object comparable(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, comparable(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(DocumentValueTypeTest::comparable).toList();
    }
    if (v instanceof BsonRegularExpression r) {
      return "regex /" + r.getPattern() + "/" + r.getOptions();
    }
    if (v instanceof MinKey || v instanceof MaxKey) {
      return v.getClass().getSimpleName();
    }
    return v == null ? "null" : v;
  }

  private static void assertSameClasses(Object expected, Object actual) {
    if (expected == null) {
      assertThat(actual).isNull();
      return;
    }
    if (expected instanceof Map<?, ?> m) {
      Map<?, ?> a = (Map<?, ?>) actual;
      m.forEach((k, v) -> assertSameClasses(v, a.get(k)));
    } else if (expected instanceof List<?> l) {
      List<?> a = (List<?>) actual;
      for (int i = 0; i < l.size(); i++) {
        assertSameClasses(l.get(i), a.get(i));
      }
    } else {
      assertThat(actual).isInstanceOf(expected.getClass());
    }
  }

  private static byte[] written(ObjectDataType t, Object value) {
    WriteBuffer buff = new WriteBuffer();
    t.write(buff, value);
    ByteBuffer b = buff.getBuffer();
    b.flip();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
