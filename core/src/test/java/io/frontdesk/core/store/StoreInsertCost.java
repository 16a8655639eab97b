package io.frontdesk.core.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.frontdesk.core.io.Directories;
import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * CPU per acknowledged single-document insert into a collection that already holds N documents,
 * through the official driver and the embedded store (the durability rule on: one commit per
 * insert). The documents are query-log entries (`kb_queries`: a random UUID as `_id`, a date, short
 * texts and numbers) with one extra unique index, so each insert probes two unique indexes. The CPU
 * is the whole process's (driver, server and H2 together), one thread. Run:
 *
 * <pre>./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.frontdesk.core.store.StoreInsertCost -Dexec.args="10000,100000 3000 old,new"
 * </pre>
 */
public final class StoreInsertCost {
  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "10000,100000";
    int inserts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    List<Boolean> variants =
        List.of((args.length > 2 ? args[2] : "old,new").split(",")).stream()
            .map(v -> v.strip().equals("old"))
            .toList();
    for (boolean old : variants) { // the JIT compiles the hot paths here, not in measured runs
      run(5000, inserts, old, false);
    }
    for (String size : sizes.split(",")) {
      for (boolean old : variants) {
        run(Integer.parseInt(size.strip()), inserts, old, true);
      }
    }
  }

  private static void run(int size, int inserts, boolean old, boolean print) throws Exception {
    Path dir = Files.createTempDirectory("fd-insert-cost-");
    Directories.deleteOnExit(dir); // up to a gigabyte per run at 100,000 documents
    try (Store store = old ? Store.plain(dir) : Store.current(dir)) {
      MongoCollection<Document> c = store.db().getCollection("kb_queries");
      c.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
      List<Document> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        batch.add(entry(i));
        if (batch.size() == 1000) {
          c.insertMany(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        c.insertMany(batch);
      }
      for (int i = 0; i < 500; i++) { // warm-up at the same size
        c.insertOne(entry(size + i));
      }
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < inserts; i++) {
        c.insertOne(entry(size + 500 + i));
      }
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / inserts;
      double wallMs = (System.nanoTime() - t0) / 1e6 / inserts;
      if (!print) {
        return;
      }
      System.out.printf(
          "%s documents=%d inserts=%d cpu_per_insert=%.3f ms wall_per_insert=%.3f ms load=%.1f%n",
          old ? "old-format" : "new-format",
          size,
          inserts,
          cpuMs,
          wallMs,
          os.getSystemLoadAverage());
    }
  }

  /**
   * The store under test: Frontdesk's backend through {@link MongoStore}, or the code before the
   * write-cost work (mongo-java-server's plain H2 backend with H2's default types, committing after
   * each command as {@code DurableH2Backend} did).
   */
  private record Store(AutoCloseable closer, MongoDatabase db) implements AutoCloseable {
    static Store current(Path dir) {
      MongoStore s = MongoStore.embedded(dir, "bench");
      return new Store(s, s.database());
    }

    static Store plain(Path dir) {
      MVStore mv = new MVStore.Builder().fileName(dir.resolve("store.mv.db").toString()).open();
      MongoServer server =
          new MongoServer(
              new H2Backend(mv) {
                @Override
                public de.bwaldvogel.mongo.bson.Document handleCommand(
                    Channel channel,
                    String databaseName,
                    String command,
                    de.bwaldvogel.mongo.bson.Document query) {
                  de.bwaldvogel.mongo.bson.Document reply =
                      super.handleCommand(channel, databaseName, command, query);
                  if (mv.hasUnsavedChanges()) {
                    mv.commit();
                  }
                  return reply;
                }
              });
      server.bind("127.0.0.1", 0);
      MongoClient client =
          MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
      return new Store(
          () -> {
            client.close();
            server.shutdown();
          },
          client.getDatabase("bench"));
    }

    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  private static Document entry(int i) {
    return new Document("_id", UUID.randomUUID().toString())
        .append("ref", "Q-" + i)
        .append("at", new Date())
        .append("text", "how do I reset my password " + i)
        .append("normalised", "how do i reset my password " + i)
        .append("audience", "staff")
        .append("channel", "teams")
        .append("results", i % 7)
        .append("topHit", "kb-" + (i % 500))
        .append("topScore", 3.5 + (i % 10) / 10.0)
        .append("coverage", 0.75)
        .append("confident", i % 3 == 0);
  }
}
