package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by mongo-java-server's plain H2 backend (H2's default types: Java
 * serialisation for documents and index keys) opens with Frontdesk's backend and means the same:
 * every document reads back identically, is found by _id and by each unique index, duplicates are
 * refused with 11000, and new writes (in the new document format) sit beside the old ones.
 */
class StoreFileCompatibilityIT {
  private static final String DB = "compat";

  @Test
  void anOldStoreOpensReadsIdenticallyAndTakesNewWrites(@TempDir Path dir) {
    List<BsonDocument> written = new ArrayList<>();
    List<BsonDocument> namedWritten = new ArrayList<>();
    writeWithThePlainBackend(dir, written, namedWritten);

    try (MongoStore store = MongoStore.embedded(dir, DB)) {
      MongoDatabase db = store.database();
      MongoCollection<BsonDocument> things = db.getCollection("things", BsonDocument.class);
      MongoCollection<BsonDocument> named = db.getCollection("named", BsonDocument.class);

      assertThat(
              things.find().sort(new BsonDocument("n", new BsonInt32(1))).into(new ArrayList<>()))
          .containsExactlyElementsOf(written);
      assertThat(named.find().into(new ArrayList<>()))
          .containsExactlyInAnyOrderElementsOf(namedWritten);
      assertEveryDocumentIsFound(things, written);
      for (BsonDocument d : namedWritten) {
        assertThat(named.find(Filters.eq("_id", d.get("_id"))).first()).isEqualTo(d);
      }
      assertDuplicatesRefused(things, written.get(3));
      assertThat(namedWrite(named, namedWritten.get(1).get("_id"))).hasMessageContaining("E11000");

      // New writes beside the old ones, then an old document rewritten in the new format.
      List<BsonDocument> more = new ArrayList<>();
      for (int n = written.size(); n < written.size() + 50; n++) {
        BsonDocument d = thing(n);
        things.insertOne(d);
        more.add(d);
      }
      things.updateOne(Filters.eq("n", 0), Updates.set("note", "rewritten"));
      written.get(0).put("note", new BsonString("rewritten"));
      written.addAll(more);
      assertEveryDocumentIsFound(things, written);
      assertDuplicatesRefused(things, more.get(7));
    }

    // Reopened again: old and new formats side by side, indexes whole.
    try (MongoStore store = MongoStore.embedded(dir, DB)) {
      MongoCollection<BsonDocument> things =
          store.database().getCollection("things", BsonDocument.class);
      assertThat(
              things.find().sort(new BsonDocument("n", new BsonInt32(1))).into(new ArrayList<>()))
          .containsExactlyElementsOf(written);
      assertEveryDocumentIsFound(things, written);
      assertDuplicatesRefused(things, written.get(2));
      assertDuplicatesRefused(things, written.get(written.size() - 1));
    }

    // The new documents are BSON under a tag of their own: H2's default type refuses them.
    MVStore raw =
        new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.STORE_FILE).toString()).open();
    try {
      assertThatThrownBy(() -> raw.openMap("databases." + DB + ".things").values().forEach(v -> {}))
          .isInstanceOf(MVStoreException.class)
          .hasMessageContaining("127");
    } finally {
      raw.closeImmediately();
    }
  }

  private static void writeWithThePlainBackend(
      Path dir, List<BsonDocument> written, List<BsonDocument> namedWritten) {
    MVStore mv =
        new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.STORE_FILE).toString()).open();
    MongoServer server = new MongoServer(new H2Backend(mv));
    try {
      server.bind("127.0.0.1", 0);
      InetSocketAddress a = server.getLocalAddress();
      try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + a.getPort())) {
        MongoDatabase db = client.getDatabase(DB);
        MongoCollection<BsonDocument> things = db.getCollection("things", BsonDocument.class);
        things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        things.createIndex(Indexes.ascending("school", "ref"), new IndexOptions().unique(true));
        for (int n = 0; n < 120; n++) {
          BsonDocument d = thing(n);
          things.insertOne(d);
          written.add(d);
        }
        MongoCollection<BsonDocument> named = db.getCollection("named", BsonDocument.class);
        for (int n = 0; n < 40; n++) {
          BsonDocument d =
              new BsonDocument("_id", new BsonString("name-" + n)).append("v", new BsonInt64(n));
          named.insertOne(d);
          namedWritten.add(d);
        }
        // A compound _id, compared by H2 through Java serialisation in the data map too.
        BsonDocument compound =
            new BsonDocument(
                    "_id",
                    new BsonDocument("school", new BsonString("s1")).append("n", new BsonInt32(7)))
                .append("v", new BsonInt64(-1));
        named.insertOne(compound);
        namedWritten.add(compound);
      }
    } finally {
      server.shutdown();
      if (!mv.isClosed()) {
        mv.close();
      }
    }
  }

  /** Every BSON type the server stores, nested in documents and arrays. */
  static BsonDocument thing(int n) {
    UUID uuid = new UUID(n * 31L, -n);
    BsonDocument nested =
        new BsonDocument("when", new BsonDateTime(1_700_000_000_000L + n))
            .append("tags", new BsonArray(List.of(new BsonString("a" + n), new BsonInt32(n))))
            .append(
                "deeper", new BsonDocument("x", new BsonDouble(-0.0)).append("y", BsonNull.VALUE));
    BsonDocument d =
        new BsonDocument("_id", new BsonObjectId(new ObjectId()))
            .append("n", new BsonInt32(n))
            .append("code", new BsonString("C-" + n + "-é✓😀"))
            .append("school", new BsonString("school-" + (n % 7)))
            .append("ref", new BsonInt64(n / 7))
            .append("big", new BsonInt64(Long.MAX_VALUE - n))
            .append("ratio", new BsonDouble(n / 3.0))
            .append("nan", new BsonDouble(Double.NaN))
            .append("ok", BsonBoolean.valueOf(n % 2 == 0))
            .append("at", new BsonDateTime(1_600_000_000_123L + n * 1000L))
            .append("price", new BsonDecimal128(Decimal128.parse("12345.6789" + n)))
            .append("blob", new BsonBinary(new byte[] {0, 1, 2, (byte) n, (byte) 255}))
            .append("uuid", new BsonBinary(BsonBinarySubType.UUID_STANDARD, bytes(uuid)))
            .append("legacy", new BsonBinary(BsonBinarySubType.UUID_LEGACY, bytes(uuid)))
            .append("pattern", new BsonRegularExpression("^ab+c$", "i"))
            .append("ts", new BsonTimestamp(1_700_000_000, n))
            .append("code_js", new BsonJavaScript("function() { return " + n + "; }"))
            .append("min", new BsonMinKey())
            .append("max", new BsonMaxKey())
            .append("none", BsonNull.VALUE)
            .append("nested", nested)
            .append(
                "list",
                new BsonArray(
                    List.<BsonValue>of(
                        new BsonDocument("k", new BsonString("v" + n)),
                        new BsonArray(List.of(new BsonInt64(1), new BsonDouble(2.5))),
                        new BsonString(""))));
    return d;
  }

  private static byte[] bytes(UUID u) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return b.array();
  }

  private static void assertEveryDocumentIsFound(
      MongoCollection<BsonDocument> things, List<BsonDocument> docs) {
    for (BsonDocument d : docs) {
      assertThat(things.find(Filters.eq("_id", d.get("_id"))).first()).isEqualTo(d);
      assertThat(things.find(Filters.eq("code", d.get("code"))).first()).isEqualTo(d);
      assertThat(
              things
                  .find(
                      Filters.and(
                          Filters.eq("school", d.get("school")), Filters.eq("ref", d.get("ref"))))
                  .first())
          .isEqualTo(d);
    }
  }

  private static void assertDuplicatesRefused(
      MongoCollection<BsonDocument> things, BsonDocument existing) {
    BsonDocument sameId = thing(10_000).append("_id", existing.get("_id"));
    BsonDocument sameCode = thing(10_001).append("code", existing.get("code"));
    BsonDocument sameCompound =
        thing(10_002).append("school", existing.get("school")).append("ref", existing.get("ref"));
    for (BsonDocument dup : List.of(sameId, sameCode, sameCompound)) {
      assertThatThrownBy(() -> things.insertOne(dup))
          .isInstanceOfSatisfying(
              MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
    }
  }

  private static Throwable namedWrite(MongoCollection<BsonDocument> named, BsonValue id) {
    try {
      named.insertOne(new BsonDocument("_id", id));
      return new AssertionError("accepted a duplicate _id");
    } catch (MongoWriteException e) {
      assertThat(e.getCode()).isEqualTo(11000);
      return e;
    }
  }
}
