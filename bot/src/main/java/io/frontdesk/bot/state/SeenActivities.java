package io.frontdesk.bot.state;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Activity ids already acted on ({@code bot_activities}). Teams redelivers an activity it got no
 * answer to in time; claiming the id with an insert makes the second delivery a no-op, even when it
 * reaches another server process. Old ids expire (a TTL index on MongoDB; {@link #prune} on the
 * embedded store, which ignores TTL).
 */
public final class SeenActivities {
  public static final String COLLECTION = "bot_activities";

  private final MongoCollection<Document> seen;
  private final Duration keep;
  private final Clock clock;

  public SeenActivities(MongoDatabase db, Duration keep, Clock clock) {
    this.seen = db.getCollection(COLLECTION);
    this.keep = keep;
    this.clock = clock;
  }

  public void createIndexes() {
    seen.createIndex(
        Indexes.ascending("at"),
        new IndexOptions().expireAfter(keep.toSeconds(), TimeUnit.SECONDS));
  }

  /** True the first time this activity is seen; false for a redelivery. */
  public boolean claim(String channelId, String conversationId, String activityId) {
    try {
      seen.insertOne(
          new Document("_id", channelId + "|" + conversationId + "|" + activityId)
              .append("at", Date.from(clock.instant())));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes ids older than the retention; returns how many. */
  public long prune() {
    return seen.deleteMany(Filters.lt("at", Date.from(clock.instant().minus(keep))))
        .getDeletedCount();
  }
}
