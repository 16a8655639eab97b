package io.frontdesk.desk.fulfilment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Fixed-window counters in {@code fulfil_limits}, shared by every server on the store. One counter
 * document per key and window; {@code $inc} with upsert returning the document BEFORE the increment
 * (the embedded store can hand the same AFTER value to concurrent callers; see
 * shared/notes/embedded-mongo.md).
 */
public final class RateLimits {
  public static final String COLLECTION = "fulfil_limits";
  private final MongoCollection<Document> counters;

  public RateLimits(MongoDatabase db) {
    this.counters = db.getCollection(COLLECTION);
  }

  /**
   * Counts one use of {@code key} in the window containing {@code now}; true if it is within {@code
   * limit}. A refused use is still counted, so hammering does not help.
   */
  public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
    long w = now.toEpochMilli() / window.toMillis();
    String id = key + "@" + w;
    Document before =
        counters.findOneAndUpdate(
            Filters.eq("_id", id),
            Updates.combine(
                Updates.inc("count", 1),
                Updates.setOnInsert(
                    "expiresAt", Date.from(Instant.ofEpochMilli((w + 1) * window.toMillis())))),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    long used = before == null ? 0 : before.getInteger("count", 0);
    return used + 1 <= limit;
  }

  /** Drops windows that have ended (the embedded store ignores TTL indexes). */
  public long purge(Instant now) {
    return counters.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
  }
}
