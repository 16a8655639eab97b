package io.frontdesk.desk.fulfilment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Verification flows in {@code fulfil_flows}: who asked, for what, the code's HMAC (never the
 * code), attempts and state. Blocking. State moves only forward, by conditional updates, so a code
 * is used once even when two requests race.
 */
public final class FlowRepository {
  public static final String COLLECTION = "fulfil_flows";
  public static final String PENDING = "pending";
  public static final String VERIFIED = "verified";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String EXPIRED = "expired";
  public static final String ABANDONED = "abandoned";

  private final MongoCollection<Document> flows;

  public FlowRepository(MongoDatabase db) {
    this.flows = db.getCollection(COLLECTION);
  }

  public void createIndexes() {
    flows.createIndex(Indexes.ascending("userId", "status", "createdAt"));
  }

  public void insert(Document flow) {
    flows.insertOne(flow);
  }

  public Optional<Document> byId(String id) {
    return Optional.ofNullable(flows.find(Filters.eq("_id", id)).first());
  }

  /**
   * Counts one attempt if the flow is still pending with attempts left; returns the flow as it was
   * before (so attempts before this one), or empty if none was left.
   */
  public Optional<Document> takeAttempt(String id, int max) {
    return Optional.ofNullable(
        flows.findOneAndUpdate(
            Filters.and(
                Filters.eq("_id", id), Filters.eq("status", PENDING), Filters.lt("attempts", max)),
            Updates.inc("attempts", 1),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)));
  }

  /** Moves a flow from one state to another; false if it was not in {@code from}. */
  public boolean move(String id, String from, String to, Instant now) {
    return flows
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", from)),
                Updates.combine(
                    Updates.set("status", to), Updates.set("updatedAt", Date.from(now))))
            .getModifiedCount()
        == 1;
  }

  /** Flows of a person that ended in too many wrong codes since {@code since}. */
  public long failuresSince(String userId, Instant since) {
    return flows.countDocuments(
        Filters.and(
            Filters.eq("userId", userId),
            Filters.eq("status", FAILED),
            Filters.gte("createdAt", Date.from(since))));
  }

  /**
   * Drops flows created before {@code before}: once a flow is over, its code hash serves nothing,
   * and failures only count for a day (the embedded store ignores TTL indexes, so this is a job).
   */
  public long purge(Instant before) {
    return flows.deleteMany(Filters.lt("createdAt", Date.from(before))).getDeletedCount();
  }

  public void delete(String id) {
    flows.deleteOne(Filters.eq("_id", id));
  }

  public MongoCollection<Document> collection() {
    return flows;
  }
}
