package io.frontdesk.core.store;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Run in a child JVM by {@link EmbeddedStoreDurabilityIT}: opens the embedded store and inserts
 * documents one at a time, printing each id only after the driver acknowledged it, until killed.
 */
public final class DurabilityChild {
  public static void main(String[] args) {
    MongoStore store = MongoStore.embedded(Path.of(args[0]), "durability");
    MongoCollection<Document> c = store.database().getCollection("writes");
    System.out.println("READY");
    System.out.flush();
    for (int i = 0; ; i++) {
      c.insertOne(new Document("_id", i).append("payload", "ticket " + i));
      System.out.println("ACK " + i);
      System.out.flush();
    }
  }
}
