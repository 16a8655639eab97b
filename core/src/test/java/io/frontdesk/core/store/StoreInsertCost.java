package io.frontdesk.core.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * CPU per acknowledged single-document insert into a collection that already holds N documents,
 * through the official driver and the embedded store (the durability rule on: one commit per
 * insert). The documents are query-log entries (`kb_queries`: a random UUID as `_id`, a date, short
 * texts and numbers) with one extra unique index, so each insert probes two unique indexes. The CPU
 * is the whole process's (driver, server and H2 together), one thread. Run:
 *
 * <pre>./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.frontdesk.core.store.StoreInsertCost -Dexec.args="10000,100000 2000"</pre>
 */
public final class StoreInsertCost {
  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "10000,100000";
    int inserts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    run(5000, inserts, false); // the JIT compiles the hot paths here, not in the measured runs
    for (String size : sizes.split(",")) {
      run(Integer.parseInt(size.strip()), inserts, true);
    }
  }

  private static void run(int size, int inserts, boolean print) throws Exception {
    Path dir = Files.createTempDirectory("fd-insert-cost-");
    try (MongoStore store = MongoStore.embedded(dir, "bench")) {
      MongoCollection<Document> c = store.database().getCollection("kb_queries");
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
          "documents=%d inserts=%d cpu_per_insert=%.3f ms wall_per_insert=%.3f ms load=%.1f%n",
          size, inserts, cpuMs, wallMs, os.getSystemLoadAverage());
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
