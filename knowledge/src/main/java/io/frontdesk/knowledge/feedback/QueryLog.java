package io.frontdesk.knowledge.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.search.SearchEngine;
import java.text.Normalizer;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every search, as asked and normalised, with what came back and what the reader did next. The
 * content-gaps report reads it. A failed log write never fails the search.
 */
public final class QueryLog {
  public static final String COLLECTION = "kb_queries";
  private static final Logger LOG = LoggerFactory.getLogger(QueryLog.class);
  private final MongoCollection<Document> coll;

  public QueryLog(MongoDatabase db) {
    this.coll = db.getCollection(COLLECTION);
  }

  public void init() {
    coll.createIndex(Indexes.ascending("at"));
    coll.createIndex(Indexes.ascending("normalised"));
  }

  public MongoCollection<Document> collection() {
    return coll;
  }

  /** Logs a search; returns its id. Blocking. */
  public String record(
      String text,
      Audience audience,
      Optional<String> userId,
      String channel,
      SearchEngine.Result r) {
    String id = UUID.randomUUID().toString();
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
      coll.insertOne(d);
    } catch (RuntimeException e) {
      LOG.warn("Query log write failed: {}", e.toString());
    }
    return id;
  }

  public void clicked(String queryId, String articleId) {
    coll.updateOne(new Document("_id", queryId), Updates.addToSet("clicked", articleId));
  }

  public void rated(String queryId, String articleId, boolean helpful) {
    coll.updateOne(
        new Document("_id", queryId),
        Updates.push("rated", new Document("article", articleId).append("helpful", helpful)));
  }

  /**
   * Lower case, accents and punctuation gone, spaces collapsed: "Outlook won't SYNC!" -> "outlook
   * won't sync".
   */
  public static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ");
    return s.replaceAll("\\s+", " ").strip();
  }
}
