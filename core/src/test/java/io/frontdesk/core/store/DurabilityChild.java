package io.frontdesk.core.store;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Run in a child JVM by {@link EmbeddedStoreDurabilityIT}: opens the embedded store and inserts
 * documents one at a time, printing each id only after the driver acknowledged it, until killed (or
 * 50,000 writes).
 */
public final class DurabilityChild {
  public static void main(String[] args) {
    MongoStore store = MongoStore.embedded(Path.of(args[0]), "durability");
    MongoCollection<Document> c = store.database().getCollection("writes");
    System.out.println("READY");
    System.out.flush();
    // Bounded, so that even a leaked child stops by itself; the test kills it long before.
    for (int i = 0; i < 50_000; i++) {
      c.insertOne(new Document("_id", i).append("payload", "ticket " + i));
      System.out.println("ACK " + i);
      System.out.flush();
    }
    store.close();
  }
}
