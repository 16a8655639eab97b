package io.frontdesk.bot.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.frontdesk.desk.ticket.TextGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * What the bot remembers about one person in one conversation ({@code bot_state}, keyed by {@link
 * io.frontdesk.bot.conversation.Turn#key()}): the last question and article (so a ticket is
 * pre-filled and nobody repeats themselves), the step of a guided dialogue, and a bounded
 * transcript. Every line is scrubbed of secrets before it is stored. Blocking: call through {@code
 * Blocking}.
 */
public final class ConversationState {
  public static final String COLLECTION = "bot_state";

  private final MongoCollection<Document> state;
  private final int maxLines;
  private final Clock clock;

  public ConversationState(MongoDatabase db, int maxLines, Clock clock) {
    this.state = db.getCollection(COLLECTION);
    this.maxLines = maxLines;
    this.clock = clock;
  }

  public Document get(String key) {
    Document d = state.find(Filters.eq("_id", key)).first();
    return d == null ? new Document("_id", key) : d;
  }

  /** Starts or advances a dialogue; null ends it. */
  public void dialogue(String key, Document dialogue) {
    state.updateOne(
        Filters.eq("_id", key),
        Updates.combine(
            Updates.set("dialogue", dialogue),
            Updates.set("updatedAt", Date.from(clock.instant()))),
        new UpdateOptions().upsert(true));
  }

  /**
   * Appends transcript lines ("who: text"), keeping the newest {@code maxLines}, and sets the
   * turn's notes, in one update.
   */
  public void record(String key, Document notes, List<String> lines) {
    if (lines.isEmpty() && notes.isEmpty()) {
      return;
    }
    List<org.bson.conversions.Bson> updates = new ArrayList<>();
    notes.forEach((k, v) -> updates.add(Updates.set(k, v instanceof String str ? scrub(str) : v)));
    if (!lines.isEmpty()) {
      List<String> clean = lines.stream().map(ConversationState::scrub).toList();
      updates.add(
          Updates.pushEach(
              "transcript", clean, new com.mongodb.client.model.PushOptions().slice(-maxLines)));
    }
    updates.add(Updates.set("updatedAt", Date.from(clock.instant())));
    state.updateOne(
        Filters.eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true));
  }

  /** The transcript as one text block, oldest line first. */
  public String transcriptText(String key) {
    return String.join("\n", get(key).getList("transcript", String.class, List.of()));
  }

  static String scrub(String s) {
    String t = TextGuard.scrub(s);
    return t == null ? "" : t;
  }
}
