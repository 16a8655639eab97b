package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BoundedH2Collection} answers exactly as mongo-java-server's own H2 collection: the same
 * documents, loaded into one server of each, queried through the driver, must give the same results
 * in the same order (ties, missing fields, mixed types, descending keys included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedH2CollectionTest {
  private static final String DB = "t";

  private DurableH2Backend boundedBackend;
  private MongoServer libraryServer;
  private MongoServer boundedServer;
  private MongoClient libraryClient;
  private MongoClient boundedClient;
  private MongoCollection<Document> library;
  private MongoCollection<Document> bounded;

  @BeforeAll
  void start() {
    libraryServer = new MongoServer(new H2Backend(MVStore.open(null)));
    boundedBackend = new DurableH2Backend(MVStore.open(null));
    boundedServer = new MongoServer(boundedBackend);
    libraryClient = MongoClients.create(uri(libraryServer));
    boundedClient = MongoClients.create(uri(boundedServer));
    library = libraryClient.getDatabase(DB).getCollection("tickets");
    bounded = boundedClient.getDatabase(DB).getCollection("tickets");
    List<Document> documents = tickets();
    for (MongoCollection<Document> c : List.of(library, bounded)) {
      c.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
      c.insertMany(documents.stream().map(d -> new Document(d)).toList());
    }
  }

  @AfterAll
  void stop() {
    libraryClient.close();
    boundedClient.close();
    libraryServer.shutdownNow();
    boundedServer.shutdownNow();
  }

  private static String uri(MongoServer server) {
    var address = server.bind();
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /**
   * Inserted out of _id order (natural order is the key order), with few distinct priorities (many
   * ties), a field missing from some, and an "age" of mixed types.
   */
  private static List<Document> tickets() {
    Random random = new Random(42);
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int id = (i * 7919) % 600;
      Document d =
          new Document("_id", id)
              .append("ref", "T-" + id)
              .append("status", List.of("open", "closed", "pending").get(random.nextInt(3)))
              .append("priority", random.nextInt(4))
              .append("school", "s" + random.nextInt(5));
      if (random.nextInt(5) > 0) {
        d.append("updated", random.nextInt(50));
      }
      switch (random.nextInt(4)) {
        case 0 -> d.append("age", "x" + random.nextInt(10));
        case 1 -> d.append("age", random.nextDouble() * 10);
        case 2 -> d.append("age", null);
        default -> d.append("age", List.of(random.nextInt(10), random.nextInt(10)));
      }
      documents.add(d);
    }
    return documents;
  }

  record Page(String name, Bson filter, Bson sort, int skip, int limit) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Page> pages() {
    Bson open = Filters.eq("status", "open");
    return List.of(
        new Page("ties on one key", open, Sorts.ascending("priority"), 0, 25),
        new Page("ties, skipped into", open, Sorts.ascending("priority"), 40, 30),
        new Page("descending", Filters.empty(), Sorts.descending("priority"), 10, 50),
        new Page(
            "two keys, mixed directions",
            Filters.ne("status", "closed"),
            Sorts.orderBy(Sorts.descending("priority"), Sorts.ascending("updated")),
            5,
            40),
        new Page("missing fields first", Filters.empty(), Sorts.ascending("updated"), 0, 200),
        new Page("mixed types", Filters.empty(), Sorts.ascending("age"), 0, 300),
        new Page("mixed types descending", Filters.empty(), Sorts.descending("age"), 20, 100),
        new Page("limit beyond matches", open, Sorts.ascending("ref"), 0, 10_000),
        new Page("skip beyond matches", open, Sorts.ascending("ref"), 5_000, 10),
        new Page("no sort", open, null, 30, 20),
        new Page("no limit", Filters.eq("school", "s1"), Sorts.ascending("priority"), 3, 0),
        new Page("natural descending", open, Sorts.descending("$natural"), 0, 15));
  }

  @ParameterizedTest
  @MethodSource("pages")
  void aPageIsTheLibrarysPage(Page page) {
    List<Object> expected = ids(find(library, page));
    assertThat(ids(find(bounded, page))).isEqualTo(expected);
    // Only the skip past every match should compare two empty pages.
    assertThat(expected.isEmpty()).isEqualTo(page.skip() >= 600);
  }

  @Test
  void aProjectedSortedPageIsProjectedAsTheLibraryDoes() {
    Page page = new Page("p", Filters.empty(), Sorts.ascending("priority"), 7, 9);
    var fields = new Document("ref", 1).append("_id", 0);
    assertThat(find(bounded, page).projection(fields).into(new ArrayList<>()))
        .isEqualTo(find(library, page).projection(fields).into(new ArrayList<>()))
        .hasSize(9);
  }

  private static com.mongodb.client.FindIterable<Document> find(
      MongoCollection<Document> c, Page page) {
    var find = c.find(page.filter()).skip(page.skip()).limit(page.limit());
    return page.sort() == null ? find : find.sort(page.sort());
  }

  private static List<Object> ids(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.get("_id")));
    return ids;
  }

  @Test
  void countsAreTheLibrarys() {
    for (Bson filter :
        List.of(
            Filters.empty(),
            Filters.eq("status", "open"),
            Filters.and(Filters.eq("ref", "T-5"), Filters.eq("status", "closed")),
            Filters.gt("priority", 1))) {
      assertThat(bounded.countDocuments(filter)).isEqualTo(library.countDocuments(filter));
      CountOptions window = new CountOptions().skip(10).limit(50);
      assertThat(bounded.countDocuments(filter, window))
          .isEqualTo(library.countDocuments(filter, window));
      Document command = new Document("count", "tickets").append("query", filter);
      assertThat(boundedClient.getDatabase(DB).runCommand(command).get("n"))
          .isEqualTo(libraryClient.getDatabase(DB).runCommand(command).get("n"));
    }
    assertThat(bounded.countDocuments(Filters.eq("status", "open"))).isPositive();
  }

  @Test
  void aggregationsAreTheLibrarys() {
    List<Bson> pipeline =
        List.of(
            Aggregates.match(Filters.ne("status", "closed")),
            Aggregates.group(
                "$school", Accumulators.sum("n", 1), Accumulators.max("p", "$priority")),
            Aggregates.sort(Sorts.ascending("_id")));
    assertThat(bounded.aggregate(pipeline).into(new ArrayList<>()))
        .isEqualTo(library.aggregate(pipeline).into(new ArrayList<>()))
        .hasSize(5);
  }

  @Test
  void aUniqueIndexServesAnEqualityOnAllItsFieldsAmongOthers() {
    BoundedH2Collection tickets =
        (BoundedH2Collection) boundedBackend.resolveDatabase(DB).resolveCollection("tickets", true);
    var compareAndSet = new de.bwaldvogel.mongo.bson.Document("_id", 5).append("status", "open");
    var inAnd =
        new de.bwaldvogel.mongo.bson.Document(
            "$and",
            List.of(
                new de.bwaldvogel.mongo.bson.Document("status", "open"),
                new de.bwaldvogel.mongo.bson.Document(
                    "ref", new de.bwaldvogel.mongo.bson.Document("$eq", "T-5"))));
    assertThat(tickets.indexedPositions(compareAndSet)).containsExactly(5);
    assertThat(tickets.indexedPositions(inAnd)).containsExactly(5);
    var unfixed =
        new de.bwaldvogel.mongo.bson.Document(
            "_id", new de.bwaldvogel.mongo.bson.Document("$gt", 5));
    assertThat(tickets.indexedPositions(unfixed)).isNull();
    assertThat(tickets.indexedPositions(new de.bwaldvogel.mongo.bson.Document("status", "open")))
        .isNull();

    // And the answers through the driver are the library's, updates included.
    for (Bson filter :
        List.of(
            Filters.and(Filters.eq("_id", 5), Filters.eq("status", "nope")),
            Filters.and(Filters.eq("ref", "T-7"), Filters.in("status", "open", "closed")),
            Filters.and(Filters.eq("_id", 9), Filters.eq("ref", "T-9")))) {
      assertThat(bounded.find(filter).into(new ArrayList<>()))
          .isEqualTo(library.find(filter).into(new ArrayList<>()));
    }
    Document current = bounded.find(Filters.eq("_id", 11)).first();
    Bson stale = Filters.and(Filters.eq("_id", 11), Filters.ne("status", current.get("status")));
    assertThat(
            bounded.updateOne(stale, new Document("$set", new Document("x", 1))).getModifiedCount())
        .isZero();
    Bson fresh = Filters.and(Filters.eq("_id", 11), Filters.eq("status", current.get("status")));
    assertThat(
            bounded.updateOne(fresh, new Document("$set", new Document("x", 1))).getModifiedCount())
        .isEqualTo(1);
    assertThat(bounded.find(Filters.eq("_id", 11)).first().get("x")).isEqualTo(1);
    bounded.updateOne(Filters.eq("_id", 11), new Document("$unset", new Document("x", "")));
  }
}
