package io.frontdesk.desk.sla;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A named lease in {@code desk_leases}, so a periodic job runs in one server process at a time. A
 * holder renews before expiry; if it dies, another process takes over once the lease has expired.
 * Uses only findOneAndUpdate with upsert (no TTL, which the embedded store ignores).
 */
public final class Lease {
  public static final String COLLECTION = "desk_leases";
  private final MongoCollection<Document> leases;

  public Lease(MongoDatabase db) {
    this.leases = db.getCollection(COLLECTION);
  }

  /** True if {@code owner} holds the lease until {@code now + ttlMillis} after this call. */
  public boolean tryAcquire(String name, String owner, Instant now, long ttlMillis) {
    try {
      Document after =
          leases.findOneAndUpdate(
              Filters.and(
                  Filters.eq("_id", name),
                  Filters.or(Filters.eq("owner", owner), Filters.lt("until", Date.from(now)))),
              Updates.combine(
                  Updates.set("owner", owner),
                  Updates.set("until", Date.from(now.plusMillis(ttlMillis)))),
              new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
      return after != null && owner.equals(after.getString("owner"));
    } catch (MongoWriteException | MongoCommandException e) {
      // Upsert hit the existing _id: someone else holds a live lease.
      return false;
    }
  }

  public void release(String name, String owner) {
    leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
  }
}
