package io.frontdesk.bot.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.desk.ticket.TextGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the bot remembers about one person in one conversation ({@code bot_state}, keyed by {@link
 * io.frontdesk.bot.conversation.Turn#key()}): the last question and article (so a ticket is
 * pre-filled and nobody repeats themselves), the step of a guided dialogue, and a bounded
 * transcript. Every line is scrubbed of secrets before it is stored. Blocking: call through {@code
 * Blocking}.
 *
 * <p>The end-of-turn update (notes and transcript lines) is written behind, in ordered batches, so
 * a reply never waits for it. Until it is written, this process overlays its notes on what {@link
 * #get} reads, and {@link #transcriptText} flushes first, so a ticket carries every line. Another
 * server process sees a turn's notes once its batch is written (the write-behind interval, 250 ms
 * by default).
 */
public final class ConversationState {
  public static final String COLLECTION = "bot_state";

  private final MongoCollection<Document> state;
  private final int maxLines;
  private final Clock clock;
  private final WriteBehind<Write> writes;

  /** The notes of queued updates not yet written, per key, with the number of the latest. */
  private final Map<String, Overlay> overlay = new ConcurrentHashMap<>();

  private final AtomicLong sequence = new AtomicLong();

  private record Write(String key, Bson update, long seq) {}

  private record Overlay(Document sets, long seq) {}

  /** Writes each update at once (tests and tools). */
  public ConversationState(MongoDatabase db, int maxLines, Clock clock) {
    this(db, maxLines, clock, WriteBehinds.direct());
  }

  public ConversationState(MongoDatabase db, int maxLines, Clock clock, WriteBehinds buffers) {
    this.state = db.getCollection(COLLECTION);
    this.maxLines = maxLines;
    this.clock = clock;
    this.writes = buffers.create("bot_state", this::write);
  }

  /** The conversation's notes and dialogue step (without the transcript). */
  public Document get(String key) {
    // The overlay is read before the store: a batch written in between is then in both, and the
    // notes are plain sets, so applying them twice changes nothing.
    Overlay pending = overlay.get(key);
    // The transcript stays in the store: only a ticket needs it (transcriptText).
    Document d =
        state.find(Filters.eq("_id", key)).projection(Projections.exclude("transcript")).first();
    if (d == null) {
      d = new Document("_id", key);
    }
    if (pending != null) {
      d.putAll(pending.sets());
    }
    return d;
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
    long seq = sequence.incrementAndGet();
    Document sets = new Document();
    notes.forEach((k, v) -> sets.put(k, v instanceof String str ? scrub(str) : v));
    overlay.merge(
        key,
        new Overlay(sets, seq),
        (old, now) -> {
          Document merged = new Document(old.sets());
          merged.putAll(now.sets());
          return new Overlay(merged, now.seq());
        });
    if (!writes.offer(new Write(key, Updates.combine(updates), seq))) {
      overlay.computeIfPresent(key, (k, o) -> o.seq() == seq ? null : o);
    }
  }

  /** Writes a batch in order (a conversation's lines stay in sequence), then drops its overlay. */
  private void write(List<Write> batch) {
    try {
      if (batch.size() == 1) {
        Write w = batch.get(0);
        state.updateOne(Filters.eq("_id", w.key()), w.update(), new UpdateOptions().upsert(true));
      } else {
        List<UpdateOneModel<Document>> models = new ArrayList<>(batch.size());
        for (Write w : batch) {
          models.add(
              new UpdateOneModel<>(
                  Filters.eq("_id", w.key()), w.update(), new UpdateOptions().upsert(true)));
        }
        state.bulkWrite(models, new BulkWriteOptions().ordered(true));
      }
    } finally {
      for (Write w : batch) {
        overlay.computeIfPresent(w.key(), (k, o) -> o.seq() <= w.seq() ? null : o);
      }
    }
  }

  /** Writes the updates still queued. Blocking. */
  public void flushBlocking() {
    writes.flushBlocking();
  }

  /** The transcript as one text block, oldest line first, including turns still queued. */
  public String transcriptText(String key) {
    writes.flushBlocking();
    Document d = state.find(Filters.eq("_id", key)).first();
    return d == null ? "" : String.join("\n", d.getList("transcript", String.class, List.of()));
  }

  static String scrub(String s) {
    String t = TextGuard.scrub(s);
    return t == null ? "" : t;
  }
}
