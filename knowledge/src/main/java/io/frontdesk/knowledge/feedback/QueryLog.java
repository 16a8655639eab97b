package io.frontdesk.knowledge.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.search.SearchEngine;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every search, as asked and normalised, with what came back and what the reader did next. The
 * content-gaps report reads it. Entries, and the clicks and ratings that update them, are written
 * behind, in order, in batches (a search never waits for the store); a failed or dropped log write
 * never fails the search. A reader in this process flushes first, so it sees every search made
 * before it.
 */
public final class QueryLog {
  public static final String COLLECTION = "kb_queries";
  private static final Logger LOG = LoggerFactory.getLogger(QueryLog.class);
  private final MongoCollection<Document> coll;
  private final MongoCollection<Document> writes;
  private final WriteBehind<WriteModel<Document>> pending;
  private final QueryIds ids = new QueryIds();

  /** Writes each entry at once (tests and tools). */
  public QueryLog(MongoDatabase db) {
    this(db, WriteBehinds.direct());
  }

  public QueryLog(MongoDatabase db, WriteBehinds buffers) {
    this(db, buffers, MongoStore.CALL_TIMEOUT);
  }

  /**
   * @param writeDeadline how long a batch may wait for the store: the write-behind worker is shared
   *     with the bot's state and every other buffer, so a batch stuck on a stalled store's socket
   *     would stop them all
   */
  public QueryLog(MongoDatabase db, WriteBehinds buffers, Duration writeDeadline) {
    this.coll = db.getCollection(COLLECTION);
    this.writes = MongoStore.bounded(db, COLLECTION, writeDeadline);
    this.pending = buffers.create("kb_queries", this::write);
  }

  /** In order: a click or rating is queued after the search it belongs to. */
  private void write(List<WriteModel<Document>> batch) {
    writes.bulkWrite(batch, new BulkWriteOptions().ordered(true));
  }

  /**
   * True when {@link #record} only queues the entry (never blocks); false when it writes at once.
   */
  public boolean writesBehind() {
    return pending.batched();
  }

  /** Writes the entries still queued. Blocking. */
  public void flushBlocking() {
    pending.flushBlocking();
  }

  public void init() {
    coll.createIndex(Indexes.ascending("at"));
    coll.createIndex(Indexes.ascending("normalised"));
  }

  public MongoCollection<Document> collection() {
    return coll;
  }

  /** Logs a search (queued, never blocks); returns its id. */
  public String record(
      String text,
      Audience audience,
      Optional<String> userId,
      String channel,
      SearchEngine.Result r) {
    String id = ids.next();
    Document d =
        new Document("_id", id)
            .append("at", new Date())
            .append("text", text)
            .append("normalised", normalise(text))
            .append("audience", audience.wire())
            .append("channel", channel == null ? "api" : channel)
            .append("results", r.hits().size())
            .append("topHit", r.hits().isEmpty() ? null : r.hits().get(0).id())
            .append("topScore", r.features().topScore())
            .append("coverage", r.features().coverage())
            .append("confident", r.answer().isPresent());
    userId.ifPresent(u -> d.append("userId", u));
    try {
      pending.offer(new InsertOneModel<>(d));
    } catch (RuntimeException e) {
      LOG.warn("Query log write failed: {}", e.toString());
    }
    return id;
  }

  /** Queued behind the search it belongs to; never blocks. */
  public void clicked(String queryId, String articleId) {
    pending.offer(
        new UpdateOneModel<>(new Document("_id", queryId), Updates.addToSet("clicked", articleId)));
  }

  /** Queued behind the search it belongs to; never blocks. */
  public void rated(String queryId, String articleId, boolean helpful) {
    pending.offer(
        new UpdateOneModel<>(
            new Document("_id", queryId),
            Updates.push("rated", new Document("article", articleId).append("helpful", helpful))));
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}' ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Lower case, accents and punctuation gone, spaces collapsed: "Outlook won't SYNC!" -> "outlook
   * won't sync".
   */
  public static String normalise(String text) {
    String fast = normaliseAscii(text);
    if (fast != null) {
      return fast;
    }
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    s = NOT_WORDS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * {@link #normalise} of plain ASCII text in one pass, or null for any other text. Why: most
   * questions are ASCII, where decomposition changes nothing and there are no accents to drop, and
   * the three regular expressions and the decomposition were a percent of a search page's CPU. Each
   * run of characters other than letters, digits and apostrophes becomes one space, as the
   * expressions do.
   */
  static String normaliseAscii(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.append(c);
      } else {
        gap = true;
      }
    }
    return b.toString();
  }
}
