package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The fast path gives exactly Java serialisation's bytes, or declines. */
class KeyValueSerializerTest {
  private final KeyValueSerializer serializer = new KeyValueSerializer();

  @Test
  void isEnabledOnThisJvm() {
    assertThat(serializer.enabled()).isTrue();
  }

  @Test
  void stringKeysOfAnyCharactersSerialiseExactly() {
    Random r = new Random(7);
    for (int i = 0; i < 3000; i++) {
      int n = 1 + r.nextInt(4);
      List<Object> values = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        values.add(randomString(r));
      }
      KeyValue key = new KeyValue(values);
      byte[] bytes = ObjectDataType.serialize(key);
      assertThat(serializer.serialize(key)).isEqualTo(bytes);
      assertThat(serializer.deserialize(bytes))
          .isEqualTo(key)
          .isEqualTo(ObjectDataType.deserialize(bytes));
    }
  }

  @Test
  void objectIdsSerialiseExactly() {
    for (int i = 0; i < 200; i++) {
      KeyValue key = new KeyValue(new ObjectId());
      byte[] bytes = ObjectDataType.serialize(key);
      assertThat(serializer.serialize(key)).isEqualTo(bytes);
      assertThat(serializer.deserialize(bytes)).isEqualTo(key);
    }
  }

  @Test
  void theLongestShortStringIsExactAndALongerOneDeclined() {
    KeyValue longest = new KeyValue("y".repeat(0xFFFF));
    assertThat(serializer.serialize(longest)).isEqualTo(ObjectDataType.serialize(longest));
    assertThat(serializer.serialize(new KeyValue("\u00e9".repeat(0x8000)))).isNull();
  }

  @Test
  void declinesOtherShapes() {
    String same = "same";
    assertThat(serializer.serialize(new KeyValue(same, same))).isNull(); // a back reference
    assertThat(serializer.serialize(new KeyValue(1))).isNull();
    assertThat(serializer.serialize(new KeyValue("a", 1))).isNull();
    assertThat(serializer.serialize(new KeyValue("a", "b", "c", "d", "e"))).isNull();
    assertThat(serializer.serialize(new KeyValue((Object) null))).isNull();
  }

  @Test
  void readingDeclinesBytesOfOtherShapes() {
    for (KeyValue other :
        List.of(
            new KeyValue(1),
            new KeyValue("a", 1),
            new KeyValue(1L, "a"),
            new KeyValue("a", "b", "c", "d", "e"),
            new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", "b")))) {
      assertThat(serializer.deserialize(ObjectDataType.serialize(other))).as("%s", other).isNull();
    }
    String same = "same";
    assertThat(serializer.deserialize(ObjectDataType.serialize(new KeyValue(same, same)))).isNull();
    byte[] truncated = ObjectDataType.serialize(new KeyValue("abc"));
    truncated = java.util.Arrays.copyOf(truncated, truncated.length - 2);
    assertThat(serializer.deserialize(truncated)).isNull();
  }

  private static String randomString(Random r) {
    int len = r.nextInt(40);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      switch (r.nextInt(5)) {
        case 0 -> b.append((char) r.nextInt(0x80)); // ASCII and NUL
        case 1 -> b.append((char) (0x80 + r.nextInt(0x780))); // two bytes
        case 2 -> b.append((char) (0x800 + r.nextInt(0xF7FF))); // three bytes, lone surrogates too
        case 3 -> b.appendCodePoint(0x10000 + r.nextInt(0xFFFFF)); // a surrogate pair
        default -> b.append((char) ('a' + r.nextInt(26)));
      }
    }
    return new String(b); // a distinct object even when empty (an empty builder gives "" itself)
  }
}
