package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A claim's read of {@code bot_activities} on the embedded store, which honours only unique
 * indexes: it must stay a look-up however many ids are stored. When it was a scan, a few reads a
 * second over a million stored ids held the collection's lock, and with it all the store's network
 * threads, for minutes under the bot benchmark (docs/BENCHMARKS.md, "Bot: the store stall under
 * load (session 16)").
 */
class ClaimLookupIT {
  final MongoStore store = TestStores.fresh();
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
    store.close();
  }

  /** A claimer that reads the store on every claim (as with a shared MongoDB). */
  SeenActivities reading(MongoDatabase db) {
    SeenActivities seen = new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC());
    seen.createIndexes();
    return seen;
  }

  /** The same, with its claims queued for the next minute: a claim is a store read. */
  SeenActivities readingOnly(MongoDatabase db) {
    WriteBehinds buffers =
        WriteBehinds.batched(
            vertx, new WriteBehinds.Options(100_000, 1000, 60_000), new SimpleMeterRegistry());
    SeenActivities seen =
        new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC(), buffers, true);
    seen.createIndexes();
    return seen;
  }

  /** Nanoseconds for {@code n} claims of new ids. */
  static long claims(SeenActivities seen, String prefix, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(seen.claim("msteams", "c", prefix + i)).isTrue();
    }
    return System.nanoTime() - t0;
  }

  static void fill(MongoDatabase db, int batches, int perBatch) {
    MongoCollection<Document> c = db.getCollection(SeenActivities.COLLECTION);
    List<Document> docs = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<String> ids = new ArrayList<>(perBatch);
      for (int i = 0; i < perBatch; i++) {
        ids.add("msteams|a:bench-" + (i % 32) + "|" + b + "-" + i + "-0123456789abcdef");
      }
      docs.add(new Document("_id", "b" + b).append("at", new Date()).append("ids", ids));
      if (docs.size() == 50) {
        c.insertMany(docs);
        docs.clear();
      }
    }
    if (!docs.isEmpty()) {
      c.insertMany(docs);
    }
  }

  @Test
  void aClaimsReadCostsTheSameWithFiftyThousandIdsStored() {
    MongoDatabase small = store.client().getDatabase("small");
    MongoDatabase large = store.client().getDatabase("large");
    SeenActivities few = readingOnly(small);
    SeenActivities many = readingOnly(large);
    fill(large, 100, 500);
    // Warm both paths (JIT), then measure them interleaved.
    claims(few, "warm", 100);
    claims(many, "warm", 100);
    long fewNanos = claims(few, "x", 200) + claims(few, "y", 200);
    long manyNanos = claims(many, "x", 200) + claims(many, "y", 200);
    // A scan reads all 50,000 ids per claim: tens of times the cost of the look-up.
    assertThat(manyNanos)
        .as(
            "400 claims: %d ms with 50,000 ids stored, %d ms with none",
            manyNanos / 1_000_000, fewNanos / 1_000_000)
        .isLessThan(3 * fewNanos + Duration.ofSeconds(1).toNanos());
    // And the look-up still finds what is stored.
    assertThat(many.claim("msteams", "a:bench-7", "50-7-0123456789abcdef")).isFalse();
  }

  @Test
  void anOlderPlainIdsIndexIsReplacedByAUniqueOne() {
    MongoDatabase db = store.database();
    db.getCollection(SeenActivities.COLLECTION).createIndex(Indexes.ascending("ids"));
    SeenActivities seen = reading(db);
    Document ids = null;
    for (Document index : db.getCollection(SeenActivities.COLLECTION).listIndexes()) {
      if (SeenActivities.IDS_INDEX.equals(index.getString("name"))) {
        ids = index;
      }
    }
    assertThat(ids).isNotNull();
    assertThat(ids.getBoolean("unique", false)).isTrue();
    assertThat(seen.claim("msteams", "c", "a1")).isTrue();
    assertThat(seen.claim("msteams", "c", "a1")).isFalse();
  }

  @Test
  void theEmbeddedStoresClaimerKeepsNoIdsIndex() {
    MongoDatabase db = store.database();
    reading(db); // an older version made the unique index on the embedded store too
    assertThat(indexNames(db)).contains(SeenActivities.IDS_INDEX);
    WriteBehinds buffers =
        WriteBehinds.batched(
            vertx, new WriteBehinds.Options(1000, 1000, 600_000), new SimpleMeterRegistry());
    SeenActivities local =
        new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC(), buffers, false);
    local.createIndexes();
    // Its upkeep on every batch was the cost, and no claim reads it there.
    assertThat(indexNames(db)).doesNotContain(SeenActivities.IDS_INDEX);
    assertThat(local.claim("msteams", "c", "a1")).isTrue();
    assertThat(local.claim("msteams", "c", "a1")).isFalse();
  }

  static List<String> indexNames(MongoDatabase db) {
    List<String> names = new ArrayList<>();
    for (Document index : db.getCollection(SeenActivities.COLLECTION).listIndexes()) {
      names.add(index.getString("name"));
    }
    return names;
  }

  @Test
  void aBatchHoldingAnIdAlreadyStoredStillStoresTheOthers() {
    MongoDatabase db = store.database();
    reading(db);
    db.getCollection(SeenActivities.COLLECTION)
        .insertOne(
            new Document("_id", "other-process")
                .append("at", new Date())
                .append("ids", List.of("msteams|c|a3")));
    // This process does not read the store (the embedded store's mode): it queues a3 as well.
    WriteBehinds buffers =
        WriteBehinds.batched(
            vertx, new WriteBehinds.Options(1000, 1000, 600_000), new SimpleMeterRegistry());
    SeenActivities local =
        new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC(), buffers, false);
    for (int i = 0; i < 6; i++) {
      assertThat(local.claim("msteams", "c", "a" + i)).isTrue();
    }
    buffers.flush().await();
    SeenActivities another = reading(db);
    for (int i = 0; i < 6; i++) {
      assertThat(another.claim("msteams", "c", "a" + i)).as("a%d is stored", i).isFalse();
    }
  }
}
