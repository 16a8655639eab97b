package io.frontdesk.bot.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Where to reach each desk user proactively ({@code bot_refs}): the reference of their 1:1 chat
 * with the bot, as the channel layer serialises it. Only personal chats are stored, so ticket news
 * never lands in a group chat or a channel. Saved behind, in batches (the newest reference per user
 * wins); a look-up in this process flushes first. Blocking.
 */
public final class ConversationRefs {
  public static final String COLLECTION = "bot_refs";

  private final MongoCollection<Document> refs;
  private final Clock clock;
  private final WriteBehind<Document> saves;

  /** Saves each reference at once (tests and tools). */
  public ConversationRefs(MongoDatabase db, Clock clock) {
    this(db, clock, WriteBehinds.direct());
  }

  public ConversationRefs(MongoDatabase db, Clock clock, WriteBehinds buffers) {
    this.refs = MongoStore.bounded(db, COLLECTION, MongoStore.CALL_TIMEOUT);
    this.clock = clock;
    this.saves = buffers.create("bot_refs", this::write);
  }

  public void save(String userId, String referenceJson) {
    saves.offer(
        new Document("_id", userId)
            .append("ref", referenceJson)
            .append("updatedAt", Date.from(clock.instant())));
  }

  private void write(List<Document> batch) {
    Map<Object, Document> newest = new LinkedHashMap<>();
    batch.forEach(d -> newest.put(d.get("_id"), d));
    List<ReplaceOneModel<Document>> models = new ArrayList<>(newest.size());
    newest.forEach(
        (id, d) ->
            models.add(
                new ReplaceOneModel<>(
                    Filters.eq("_id", id), d, new ReplaceOptions().upsert(true))));
    refs.bulkWrite(models, new BulkWriteOptions().ordered(false));
  }

  public Optional<String> find(String userId) {
    saves.flushBlocking();
    return Optional.ofNullable(refs.find(Filters.eq("_id", userId)).first())
        .map(d -> d.getString("ref"));
  }
}
