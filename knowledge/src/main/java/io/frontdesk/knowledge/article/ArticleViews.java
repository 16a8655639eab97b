package io.frontdesk.knowledge.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Readers' views of articles, counted in a small document per article of their own ({@value
 * #COLLECTION}: {@code {_id: articleId, views: n, viewsByDay: {"2026-12-01": n}}}), written behind
 * in batches with one upserting {@code $inc} per article and day per batch.
 *
 * <p>Why a collection of their own: a curator's change reads the article and writes it back with a
 * compare-and-set on its change number, which an increment of views does not move, so views counted
 * on the article in between were overwritten; here nothing else writes these documents. An
 * increment also no longer rewrites a 3 KB article on MongoDB. On the embedded store it costs about
 * the same either way (measured: the store's own cost per update dominates, not the document's
 * size; docs/BENCHMARKS.md, "Portal: fourth pass").
 *
 * <p>Counts written into the article documents by earlier versions ({@code views}, {@code
 * viewsByDay} there) are still read and added, so upgrading loses no count; nothing writes them any
 * more. A process that stops abruptly loses the views still queued (at most one write-behind
 * interval's worth, {@code FRONTDESK_WRITE_BEHIND_MS}, 250 ms by default); a normal shutdown
 * flushes them.
 */
public final class ArticleViews {
  public static final String COLLECTION = "kb_views";

  /** All-time views. */
  public static final String VIEWS = "views";

  /** Per-day views: {"2026-12-01": 4, ...}, which feeds "most viewed in the last N days". */
  public static final String BY_DAY = "viewsByDay";

  private final MongoCollection<Document> counts;
  private final MongoCollection<Document> writes;
  private final WriteBehind<View> pending;

  /** One reader's view of an article on a day, queued for the next batch. */
  private record View(String id, LocalDate day) {}

  public ArticleViews(MongoDatabase db, WriteBehinds buffers) {
    this(db, buffers, MongoStore.CALL_TIMEOUT);
  }

  /**
   * @param writeDeadline how long a batch may wait for the store: the write-behind worker is shared
   *     with every other buffer (the bot's state among them), so a batch stuck on a stalled store's
   *     socket would stop them all
   */
  public ArticleViews(MongoDatabase db, WriteBehinds buffers, Duration writeDeadline) {
    this.counts = db.getCollection(COLLECTION);
    this.writes = MongoStore.bounded(db, COLLECTION, writeDeadline);
    this.pending = buffers.create("kb_views", this::write);
  }

  /** Counts a view (queued, never blocks; written at once by a direct buffer). */
  public void count(String id, LocalDate day) {
    pending.offer(new View(id, day));
  }

  /** Writes the views still queued. Blocking. */
  public void flush() {
    pending.flushBlocking();
  }

  private void write(List<View> batch) {
    Map<View, Long> n = new LinkedHashMap<>();
    batch.forEach(v -> n.merge(v, 1L, Long::sum));
    List<UpdateOneModel<Document>> updates = new ArrayList<>(n.size());
    UpdateOptions upsert = new UpdateOptions().upsert(true);
    n.forEach(
        (v, k) ->
            updates.add(
                new UpdateOneModel<>(
                    new Document("_id", v.id()),
                    Updates.combine(Updates.inc(VIEWS, k), Updates.inc(BY_DAY + "." + v.day(), k)),
                    upsert)));
    writes.bulkWrite(updates, new BulkWriteOptions().ordered(false));
  }

  /** All-time views of an article: its counts here plus any an earlier version kept on it. */
  public long total(Document article) {
    Document d = counts.find(new Document("_id", article.getString("_id"))).first();
    return ArticleRepository.count(article, VIEWS)
        + (d == null ? 0 : ArticleRepository.count(d, VIEWS));
  }

  /** Every article's counts (for the popular lists: one scan of small documents). */
  public Map<String, Document> all() {
    Map<String, Document> out = new LinkedHashMap<>();
    for (Document d : counts.find().projection(new Document(BY_DAY, 1))) {
      out.put(d.getString("_id"), d);
    }
    return out;
  }

  /** Removes daily counts of the given days (older than any window still asked about). */
  public void forgetDays(String id, List<String> days) {
    if (!days.isEmpty()) {
      counts.updateOne(
          new Document("_id", id),
          Updates.combine(days.stream().map(d -> Updates.unset(BY_DAY + "." + d)).toList()));
    }
  }

  public MongoCollection<Document> collection() {
    return counts;
  }
}
