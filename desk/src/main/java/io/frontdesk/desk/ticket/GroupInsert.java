package io.frontdesk.desk.ticket;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Group insert: tickets raised at the same moment by different threads are written with one {@code
 * insertMany}, so they share one round trip and one durable commit instead of paying for one each.
 * Why: on the embedded store a commit rewrites the changed pages of the store file, and that, not
 * the insert, is most of a new ticket's cost; on MongoDB a batch shares one majority
 * acknowledgement. Each caller still returns only once its own ticket is acknowledged (and so
 * committed), so the durability rule is unchanged.
 *
 * <p>There is no timer: the first caller writes at once; callers that arrive while a write is under
 * way queue up, and the next of them to run takes the whole queue. So a lone caller never waits for
 * a batch to fill, and under load the batch grows by itself to the number of callers waiting.
 */
final class GroupInsert {
  /** The most tickets one command carries (a few MB at most, well under the 48 MB message cap). */
  static final int MAX_BATCH = 64;

  private static final class Pending {
    final Document doc;
    boolean done;
    RuntimeException error;

    Pending(Document doc) {
      this.doc = doc;
    }
  }

  private final MongoCollection<Document> collection;
  private final Object lock = new Object();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;
  private final java.util.concurrent.atomic.LongAdder commands =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder documents =
      new java.util.concurrent.atomic.LongAdder();

  GroupInsert(MongoCollection<Document> collection) {
    this.collection = collection;
  }

  /**
   * Inserts one document, together with any others waiting; returns once it is acknowledged, or
   * throws what the store said about it.
   */
  void insert(Document d) {
    Pending me = new Pending(d);
    List<Pending> batch;
    boolean interrupted = false;
    synchronized (lock) {
      queue.add(me);
      while (writing && !me.done) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // Still queued, so it will be written: wait for the answer, then restore the flag.
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (me.done) {
        if (me.error != null) {
          throw me.error;
        }
        return;
      }
      writing = true;
      if (queue.size() <= MAX_BATCH) {
        batch = queue;
        queue = new ArrayList<>();
      } else {
        batch = new ArrayList<>(queue.subList(0, MAX_BATCH));
        if (!batch.contains(me)) {
          batch.set(MAX_BATCH - 1, me);
        }
        queue.removeAll(batch);
      }
    }
    try {
      write(batch);
    } finally {
      synchronized (lock) {
        writing = false;
        for (Pending p : batch) {
          p.done = true;
        }
        lock.notifyAll();
      }
    }
    if (me.error != null) {
      throw me.error;
    }
  }

  /** Insert commands sent so far (a batch is one). */
  long commands() {
    return commands.sum();
  }

  /** Documents handed to {@link #insert} so far. */
  long documents() {
    return documents.sum();
  }

  /** Writes a batch and records, per document, whether it failed and why. */
  private void write(List<Pending> batch) {
    commands.increment();
    documents.add(batch.size());
    if (batch.size() == 1) {
      try {
        collection.insertOne(batch.get(0).doc);
      } catch (RuntimeException e) {
        batch.get(0).error = e;
      }
      return;
    }
    try {
      collection.insertMany(
          batch.stream().map(p -> p.doc).toList(), new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // The others were written. Each refused one is tried again alone, so its caller gets the
      // store's own answer for it (a duplicate key, a too-large document...).
      Set<Integer> failed = new HashSet<>();
      for (BulkWriteError err : e.getWriteErrors()) {
        failed.add(err.getIndex());
      }
      for (int i : failed) {
        Pending p = batch.get(i);
        try {
          collection.insertOne(p.doc);
        } catch (RuntimeException again) {
          p.error = again;
        }
      }
      if (e.getWriteConcernError() != null) {
        for (Pending p : batch) {
          p.error = p.error == null ? e : p.error;
        }
      }
    } catch (RuntimeException e) {
      for (Pending p : batch) {
        p.error = e;
      }
    }
  }
}
