package io.frontdesk.core.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;

/**
 * Run in a small-heap child JVM by {@link EmbeddedStoreScanIT}: fills a store file with more
 * ticket-like documents than the heap holds, then reads a sorted page, a count, an aggregation and
 * an unsorted page over all of them, printing each answer and "DONE". Arguments: the directory, the
 * number of documents, and "bounded" (the store's backend) or "library" (mongo-java-server's own H2
 * backend, which runs out of memory on the same reads), then optionally which reads to make
 * (default "page,count,aggregate,unsorted").
 */
public final class ScanChild {
  private static final String DESCRIPTION =
      "Outlook will not sync on the finance laptop after the password change; ".repeat(14);

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int documents = Integer.parseInt(args[1]);
    String reads = args.length > 3 ? args[3] : "page,count,aggregate,unsorted";
    MVStore mv = new MVStore.Builder().fileName(dir.resolve("scan.mv.db").toString()).open();
    H2Backend backend = args[2].equals("library") ? new H2Backend(mv) : new DurableH2Backend(mv);
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> tickets = client.getDatabase("scan").getCollection("tickets");
      fill(tickets, documents);
      Bson open = Filters.ne("status", "closed");
      List<Document> page =
          tickets
              .find(open)
              .sort(Sorts.descending("updated"))
              .skip(100)
              .limit(25)
              .into(new ArrayList<>());
      System.out.println("PAGE " + page.size() + " " + page.get(0).get("updated"));
      System.out.println("COUNT " + tickets.countDocuments(open));
      Document command = new Document("count", "tickets").append("query", open);
      System.out.println("COUNTCMD " + client.getDatabase("scan").runCommand(command).get("n"));
      List<Document> groups =
          tickets
              .aggregate(
                  List.of(
                      Aggregates.match(open),
                      Aggregates.group("$school", Accumulators.sum("n", 1))))
              .into(new ArrayList<>());
      System.out.println("GROUPS " + groups.size());
      System.out.println(
          "UNSORTED " + tickets.find(open).skip(1000).limit(25).into(new ArrayList<>()).size());
      System.out.println("DONE");
    } finally {
      server.shutdownNow();
      mv.close();
    }
  }

  private static void fill(MongoCollection<Document> tickets, int documents) {
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      batch.add(
          new Document("_id", i)
              .append("status", i % 5 == 0 ? "closed" : "open")
              .append("school", "school-" + (i % 200))
              .append("updated", (i * 7919L) % documents)
              .append("subject", "Ticket " + i)
              .append("description", DESCRIPTION + i));
      if (batch.size() == 1000) {
        tickets.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      tickets.insertMany(batch);
    }
  }
}
