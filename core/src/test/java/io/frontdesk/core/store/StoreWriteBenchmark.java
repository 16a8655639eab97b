package io.frontdesk.core.store;

import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * Acknowledged single-document inserts per second on the embedded store, with the durability rule
 * on (commit before acknowledge). Documents are ticket-sized (about 1 KB). Run:
 *
 * <pre>./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.frontdesk.core.store.StoreWriteBenchmark</pre>
 */
public final class StoreWriteBenchmark {
  public static void main(String[] args) throws Exception {
    int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    String text = "x".repeat(900);
    for (int threads : new int[] {1, 4, 16}) {
      Path dir = Files.createTempDirectory("fd-bench-");
      try (MongoStore store = MongoStore.embedded(dir, "bench")) {
        MongoCollection<Document> c = store.database().getCollection("tickets");
        for (int i = 0; i < 500; i++) { // warm-up
          c.insertOne(new Document("warm", i).append("description", text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perRun / threads; i++) {
                      c.insertOne(
                          new Document("ref", "INC-" + id + "-" + i)
                              .append("status", "new")
                              .append("priority", "P3")
                              .append("description", text));
                    }
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(
            "threads=%d inserts=%d seconds=%.2f rate=%.0f/s%n",
            threads, (perRun / threads) * threads, seconds, (perRun / threads) * threads / seconds);
      }
    }
  }
}
