package io.frontdesk.desk.ticket;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Human-friendly references (INC-000123, REQ-000045) from counters in {@code desk_counters}.
 *
 * <p>Why BEFORE + 1: the embedded store hands the same value to concurrent callers when asked for
 * the document AFTER an {@code $inc}, although the stored count is right (see
 * shared/notes/embedded-mongo.md). Asking for the document BEFORE the increment and adding one in
 * code gives each caller its own number, on the embedded store and on MongoDB alike, and across
 * processes because the counter lives in the store.
 */
public final class References {
  public static final String COLLECTION = "desk_counters";
  private final MongoCollection<Document> counters;

  public References(MongoDatabase db) {
    this.counters = db.getCollection(COLLECTION);
  }

  public long next(String counter) {
    FindOneAndUpdateOptions opts =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    for (int attempt = 0; ; attempt++) {
      try {
        Document before =
            counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("seq", 1L), opts);
        return before == null ? 1 : before.get("seq", Number.class).longValue() + 1;
      } catch (MongoWriteException | MongoCommandException e) {
        // Two first-ever upserts raced on the _id; the loser retries against the existing counter.
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  public String nextReference(TicketType type) {
    return format(type.prefix(), next(type.prefix()));
  }

  public static String format(String prefix, long n) {
    return String.format("%s-%06d", prefix, n);
  }
}
