package io.frontdesk.bot.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Where to reach each desk user proactively ({@code bot_refs}): the reference of their 1:1 chat
 * with the bot, as the channel layer serialises it. Only personal chats are stored, so ticket news
 * never lands in a group chat or a channel. Blocking.
 */
public final class ConversationRefs {
  public static final String COLLECTION = "bot_refs";

  private final MongoCollection<Document> refs;
  private final Clock clock;

  public ConversationRefs(MongoDatabase db, Clock clock) {
    this.refs = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  public void save(String userId, String referenceJson) {
    refs.replaceOne(
        Filters.eq("_id", userId),
        new Document("_id", userId)
            .append("ref", referenceJson)
            .append("updatedAt", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
  }

  public Optional<String> find(String userId) {
    return Optional.ofNullable(refs.find(Filters.eq("_id", userId)).first())
        .map(d -> d.getString("ref"));
  }
}
