package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The index key type orders and writes keys exactly as H2's default type does. */
class IndexKeyTypeTest {
  private final ObjectDataType reference = new ObjectDataType();

  @Test
  void ordersEveryPairOfKeysAsTheDefaultTypeDoes() {
    List<Object> keys = keys(new Random(1), 150);
    IndexKeyType type = new IndexKeyType(64, new KeyValueSerializer());
    for (Object a : keys) {
      for (Object b : keys) {
        assertThat(Integer.signum(type.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(reference.compare(a, b)));
      }
    }
  }

  @Test
  void findsAndPlacesKeysInASortedPageAsTheDefaultTypeDoes() {
    Random random = new Random(2);
    List<Object> all = keys(random, 400);
    Object[] page = all.subList(0, 200).toArray();
    Arrays.sort(page, reference);
    IndexKeyType type = new IndexKeyType(16, new KeyValueSerializer());
    for (Object probe : all) {
      for (int guess : new int[] {0, 1, 57, 199, 400}) {
        assertThat(type.binarySearch(probe, page, page.length, guess))
            .as("%s", probe)
            .isEqualTo(reference.binarySearch(probe, page, page.length, guess));
      }
      // An equal key that is another object: found by its bytes, not by identity.
      if (probe instanceof KeyValue kv) {
        KeyValue copy = new KeyValue(kv.stream().toList());
        assertThat(type.binarySearch(copy, page, page.length, 0))
            .isEqualTo(reference.binarySearch(copy, page, page.length, 0));
      }
    }
  }

  @Test
  void writesTheSameBytesAndReadsThemBack() {
    IndexKeyType type = new IndexKeyType(8, new KeyValueSerializer());
    for (Object key : keys(new Random(3), 60)) {
      type.compare(key, key instanceof KeyValue ? new KeyValue("other") : key); // warm its cache
      byte[] ours = written(type, key);
      assertThat(ours).isEqualTo(written(reference, key));
      assertThat(type.read(ByteBuffer.wrap(ours))).isEqualTo(key);
    }
  }

  @Test
  void aSharedCacheUnderConcurrentUseNeverGivesAWrongOrder() throws Exception {
    List<Object> keys = keys(new Random(4), 64);
    int[][] expected = new int[keys.size()][keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j < keys.size(); j++) {
        expected[i][j] = Integer.signum(reference.compare(keys.get(i), keys.get(j)));
      }
    }
    IndexKeyType type =
        new IndexKeyType(
            4, new KeyValueSerializer()); // far fewer slots than keys: constant eviction
    AtomicInteger wrong = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Random r = new Random(t);
        done.add(
            pool.submit(
                () -> {
                  for (int n = 0; n < 20_000; n++) {
                    int i = r.nextInt(keys.size());
                    int j = r.nextInt(keys.size());
                    if (Integer.signum(type.compare(keys.get(i), keys.get(j))) != expected[i][j]) {
                      wrong.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).hasValue(0);
  }

  @Test
  void theCacheRemembersByIdentityAndStaysBounded() {
    IdentityBytesCache cache = new IdentityBytesCache(100);
    assertThat(cache.capacity()).isEqualTo(128);
    KeyValue a = new KeyValue("x");
    KeyValue equalToA = new KeyValue("x");
    cache.put(a, new byte[] {1});
    assertThat(cache.get(a)).containsExactly(1);
    assertThat(cache.get(equalToA)).isNull();
  }

  /** Index keys as mongo-java-server makes them, of the types an index holds, plus a few others. */
  static List<Object> keys(Random r, int n) {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object v =
          switch (i % 9) {
            case 0 -> "s" + r.nextInt(1000);
            case 1 -> r.nextInt(2000) - 1000;
            case 2 -> r.nextLong();
            case 3 -> r.nextDouble();
            case 4 -> new ObjectId();
            case 5 -> new Document("school", "s" + r.nextInt(9)).append("n", r.nextInt(50));
            case 6 -> Instant.ofEpochMilli(r.nextLong() >>> 20);
            case 7 -> r.nextBoolean();
            default -> null;
          };
      keys.add(i % 4 == 3 ? new KeyValue(v, "second-" + r.nextInt(5)) : new KeyValue(v));
    }
    keys.add("a plain string key");
    keys.add(42L);
    return keys;
  }

  private static byte[] written(ObjectDataType type, Object key) {
    WriteBuffer buff = new WriteBuffer();
    type.write(buff, key);
    ByteBuffer b = buff.getBuffer();
    b.flip();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
