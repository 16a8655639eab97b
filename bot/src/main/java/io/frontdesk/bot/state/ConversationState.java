package io.frontdesk.bot.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.desk.ticket.TextGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
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
 *
 * <p>When this process is the store's only writer (the embedded store), the notes and dialogue step
 * are also kept in process after the first read (bounded), so a turn reads no store at all: every
 * change to them goes through this class, which updates the copy as it queues or makes the write.
 * With a shared MongoDB (several processes) every turn reads the store, as another process may have
 * moved the conversation on.
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

  /**
   * Only writer of the store: conversations' notes in process ({@link Loaded}), or a load in flight
   * ({@link Loading}, replaced by what it read unless a change came first).
   */
  private final boolean onlyWriter;

  private final Map<String, Object> cache = new ConcurrentHashMap<>();

  /** Conversations kept in process at most (the cache is emptied when it would grow past this). */
  static final int CACHE_MAX = 20_000;

  /** Identity, not value: a change made while loading must make the load's put fail. */
  private static final class Loading {}

  private record Loaded(Document doc) {}

  /** A turn's update: notes to set (scrubbed) and transcript lines to append (scrubbed). */
  private record Write(String key, Document sets, List<String> lines, Date at, long seq) {}

  private record Overlay(Document sets, long seq) {}

  /** Writes each update at once (tests and tools). */
  public ConversationState(MongoDatabase db, int maxLines, Clock clock) {
    this(db, maxLines, clock, WriteBehinds.direct(), false);
  }

  public ConversationState(MongoDatabase db, int maxLines, Clock clock, WriteBehinds buffers) {
    this(db, maxLines, clock, buffers, false);
  }

  /**
   * @param onlyWriter no other process writes this store (the embedded store): notes are kept in
   *     process after the first read
   */
  public ConversationState(
      MongoDatabase db, int maxLines, Clock clock, WriteBehinds buffers, boolean onlyWriter) {
    // Every call here is one conversation's document, or a batch of at most a few hundred.
    this.state = MongoStore.bounded(db, COLLECTION, MongoStore.CALL_TIMEOUT);
    this.maxLines = maxLines;
    this.clock = clock;
    this.writes = buffers.create("bot_state", this::write);
    this.onlyWriter = onlyWriter;
  }

  /**
   * The conversation's notes and dialogue step when this process holds them (a copy), else null:
   * then call {@link #get}, which reads the store. Never blocks.
   */
  public Document cached(String key) {
    return cache.get(key) instanceof Loaded l ? copy(l.doc()) : null;
  }

  /** Whether {@link #record} only queues (it never blocks then). */
  public boolean writesBehind() {
    return writes.batched();
  }

  /** The conversation's notes and dialogue step (without the transcript). */
  public Document get(String key) {
    Document hit = cached(key);
    if (hit != null) {
      return hit;
    }
    Loading loading = null;
    if (onlyWriter) {
      if (cache.size() >= CACHE_MAX) {
        cache.clear();
      }
      Loading mine = new Loading();
      loading = cache.putIfAbsent(key, mine) == null ? mine : null;
    }
    Document d = read(key);
    if (loading != null) {
      // Fails if a change arrived meanwhile (it removed the placeholder): the next turn reads
      // again.
      cache.replace(key, loading, new Loaded(copy(d)));
    }
    return d;
  }

  private Document read(String key) {
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
    // After the store: a load that starts now reads the new step.
    Document step = dialogue == null ? null : copy(dialogue);
    change(key, doc -> doc.put("dialogue", step));
  }

  /**
   * Appends transcript lines ("who: text"), keeping the newest {@code maxLines}, and sets the
   * turn's notes, in one update.
   */
  public void record(String key, Document notes, List<String> lines) {
    if (lines.isEmpty() && notes.isEmpty()) {
      return;
    }
    Document sets = new Document();
    notes.forEach((k, v) -> sets.put(k, v instanceof String str ? scrub(str) : v));
    List<String> clean = lines.stream().map(ConversationState::scrub).toList();
    long seq = sequence.incrementAndGet();
    overlay.merge(
        key,
        new Overlay(sets, seq),
        (old, now) -> {
          Document merged = new Document(old.sets());
          merged.putAll(now.sets());
          return new Overlay(merged, now.seq());
        });
    // After the overlay: a load that starts now reads these notes from it.
    change(key, doc -> doc.putAll(copy(sets)));
    if (!writes.offer(new Write(key, sets, clean, Date.from(clock.instant()), seq))) {
      overlay.computeIfPresent(key, (k, o) -> o.seq() == seq ? null : o);
    }
  }

  /** Applies a change to the copy in process, or drops a load in flight so it is not cached. */
  private void change(String key, java.util.function.Consumer<Document> apply) {
    if (!onlyWriter) {
      return;
    }
    cache.computeIfPresent(
        key,
        (k, v) -> {
          if (v instanceof Loaded l) {
            Document d = copy(l.doc());
            apply.accept(d);
            return new Loaded(d);
          }
          return null;
        });
  }

  /**
   * Writes a batch, one update per conversation: its turns' notes (the later wins) and lines (in
   * order) merged, so a busy conversation costs the store one document rewrite per batch, not one
   * per turn. Then drops the batch's overlay.
   */
  private void write(List<Write> batch) {
    Map<String, Write> merged = new LinkedHashMap<>();
    for (Write w : batch) {
      merged.merge(
          w.key(),
          w,
          (a, b) -> {
            Document sets = new Document(a.sets());
            sets.putAll(b.sets());
            List<String> lines = new ArrayList<>(a.lines());
            lines.addAll(b.lines());
            return new Write(a.key(), sets, lines, b.at(), b.seq());
          });
    }
    try {
      List<UpdateOneModel<Document>> models = new ArrayList<>(merged.size());
      for (Write w : merged.values()) {
        models.add(
            new UpdateOneModel<>(
                Filters.eq("_id", w.key()), update(w), new UpdateOptions().upsert(true)));
      }
      if (models.size() == 1) {
        UpdateOneModel<Document> m = models.get(0);
        state.updateOne(m.getFilter(), m.getUpdate(), m.getOptions());
      } else {
        state.bulkWrite(models, new BulkWriteOptions().ordered(true));
      }
    } finally {
      for (Write w : batch) {
        overlay.computeIfPresent(w.key(), (k, o) -> o.seq() <= w.seq() ? null : o);
      }
    }
  }

  private Bson update(Write w) {
    List<Bson> updates = new ArrayList<>();
    w.sets().forEach((k, v) -> updates.add(Updates.set(k, v)));
    if (!w.lines().isEmpty()) {
      // Only the newest lines can survive the slice: push no more than that.
      List<String> lines = w.lines();
      if (lines.size() > maxLines) {
        lines = lines.subList(lines.size() - maxLines, lines.size());
      }
      updates.add(
          Updates.pushEach(
              "transcript", lines, new com.mongodb.client.model.PushOptions().slice(-maxLines)));
    }
    updates.add(Updates.set("updatedAt", w.at()));
    return Updates.combine(updates);
  }

  /** A copy deep enough that a caller's change never reaches the copy in process. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T value) {
    if (value instanceof Document d) {
      Document out = new Document();
      d.forEach((k, v) -> out.put(k, copy(v)));
      return (T) out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    return value;
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
