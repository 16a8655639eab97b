package io.frontdesk.knowledge.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Helpful / not helpful ratings with an optional comment, clicks, and the content-gaps report: the
 * questions the knowledge base could not answer, grouped by normalised text, most frequent first.
 */
public final class FeedbackService {
  public static final String COLLECTION = "kb_feedback";
  static final int MAX_COMMENT = 2000;

  /** One row of the gaps report. */
  public record Gap(String query, long count, long confident, Optional<String> lastTopHit) {}

  private final MongoCollection<Document> feedback;
  private final ArticleRepository articles;
  private final QueryLog log;
  private final Blocking blocking;
  private final Clock clock;

  public FeedbackService(
      MongoDatabase db, ArticleRepository articles, QueryLog log, Blocking blocking, Clock clock) {
    this.feedback = db.getCollection(COLLECTION);
    this.articles = articles;
    this.log = log;
    this.blocking = blocking;
    this.clock = clock;
  }

  public void init() {
    feedback.createIndex(Indexes.ascending("articleId", "at"));
  }

  /** Records a rating; {@code queryId} ties it to the search that led there, when known. */
  public Future<Void> rate(
      String articleId,
      boolean helpful,
      Optional<String> comment,
      Optional<String> queryId,
      Optional<String> userId) {
    if (comment.isPresent() && comment.get().length() > MAX_COMMENT) {
      return Future.failedFuture(
          ApiException.badRequest("comment is over " + MAX_COMMENT + " characters"));
    }
    return blocking.call(
        () -> {
          if (articles.find(articleId).isEmpty()) {
            throw ApiException.notFound("No article '" + articleId + "'.");
          }
          Document d =
              new Document("articleId", articleId)
                  .append("helpful", helpful)
                  .append("at", Date.from(clock.instant()));
          comment.filter(c -> !c.isBlank()).ifPresent(c -> d.append("comment", c.strip()));
          queryId.ifPresent(q -> d.append("queryId", q));
          userId.ifPresent(u -> d.append("userId", u));
          feedback.insertOne(d);
          articles.inc(articleId, helpful ? "helpful" : "notHelpful");
          queryId.ifPresent(q -> log.rated(q, articleId, helpful));
          return null;
        });
  }

  /** Records that a reader opened a result of a logged search. */
  public Future<Void> click(String queryId, String articleId) {
    log.clicked(queryId, articleId);
    return Future.succeededFuture();
  }

  /** Ratings of one article, newest first (curators). */
  public Future<List<Document>> ratings(Principal who, String articleId) {
    requireCurator(who);
    return blocking.call(
        () -> {
          List<Document> out =
              feedback
                  .find(new Document("articleId", articleId))
                  .sort(new Document("at", -1))
                  .limit(200)
                  .into(new ArrayList<>());
          out.forEach(d -> d.remove("_id"));
          return out;
        });
  }

  /**
   * Queries of the last {@code days} days that got no confident answer, or whose answer was rated
   * not helpful, grouped by normalised text.
   */
  public Future<List<Gap>> gaps(Principal who, int days, int limit) {
    requireCurator(who);
    Date since = Date.from(clock.instant().minus(Duration.ofDays(Math.max(1, days))));
    return blocking.call(
        () -> {
          List<Document> pipeline =
              List.of(
                  new Document(
                      "$match",
                      new Document("at", new Document("$gte", since))
                          .append(
                              "$or",
                              List.of(
                                  new Document("confident", false),
                                  new Document("rated.helpful", false)))),
                  new Document(
                      "$group",
                      new Document("_id", "$normalised")
                          .append("count", new Document("$sum", 1))
                          .append(
                              "confident",
                              new Document(
                                  "$sum", new Document("$cond", List.of("$confident", 1, 0))))
                          .append("lastTopHit", new Document("$last", "$topHit"))),
                  new Document("$sort", new Document("count", -1).append("_id", 1)),
                  new Document("$limit", Math.max(1, Math.min(limit, 500))));
          log.flushBlocking();
          List<Gap> out = new ArrayList<>();
          for (Document d : log.collection().aggregate(pipeline)) {
            out.add(
                new Gap(
                    d.getString("_id"),
                    ((Number) d.get("count")).longValue(),
                    ((Number) d.get("confident")).longValue(),
                    Optional.ofNullable(d.getString("lastTopHit"))));
          }
          return out;
        });
  }

  private static void requireCurator(Principal who) {
    if (who == null || !who.hasAny(Role.CHAMPION, Role.ADMIN)) {
      throw ApiException.forbidden("Only Digital Champions and admins can see this report.");
    }
  }
}
