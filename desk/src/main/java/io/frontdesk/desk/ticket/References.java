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
 *
 * <p>Ticket references are taken from the counter in blocks ({@code blockSize} numbers per store
 * write), which turns one durable write per ticket into one per block. Numbers still never repeat,
 * in this process or across processes, since each block is reserved in the store before use; a
 * restart abandons the rest of its block, so references can skip numbers (never reuse them).
 */
public final class References {
  public static final String COLLECTION = "desk_counters";
  private final MongoCollection<Document> counters;
  private final int blockSize;
  private final java.util.Map<String, long[]> blocks = new java.util.HashMap<>();

  /** One store write per reference: no gaps. */
  public References(MongoDatabase db) {
    this(db, 1);
  }

  /**
   * @param blockSize how many ticket numbers to reserve per store write (1 to 1000)
   */
  public References(MongoDatabase db, int blockSize) {
    if (blockSize < 1 || blockSize > 1000) {
      throw new IllegalArgumentException("blockSize must be from 1 to 1000");
    }
    this.counters = db.getCollection(COLLECTION);
    this.blockSize = blockSize;
  }

  /** The next number of a counter, one store write each (no gaps). */
  public long next(String counter) {
    return reserve(counter, 1);
  }

  /** Reserves {@code n} numbers and returns the first. */
  private long reserve(String counter, int n) {
    FindOneAndUpdateOptions opts =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    for (int attempt = 0; ; attempt++) {
      try {
        Document before =
            counters.findOneAndUpdate(
                Filters.eq("_id", counter), Updates.inc("seq", (long) n), opts);
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
    return format(type.prefix(), blockSize == 1 ? next(type.prefix()) : fromBlock(type.prefix()));
  }

  /** {next, end} per counter: numbers in [next, end) are reserved for this process. */
  private synchronized long fromBlock(String counter) {
    long[] b = blocks.get(counter);
    if (b == null || b[0] >= b[1]) {
      long first = reserve(counter, blockSize);
      b = new long[] {first, first + blockSize};
      blocks.put(counter, b);
    }
    return b[0]++;
  }

  public static String format(String prefix, long n) {
    return String.format("%s-%06d", prefix, n);
  }
}
