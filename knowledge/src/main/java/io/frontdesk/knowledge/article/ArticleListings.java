package io.frontdesk.knowledge.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * What readers find without searching: the services that have articles for them, each service's
 * articles, and the popular ones (most viewed and most helpful in the last {@code days} days).
 * Audience rule as everywhere: staff see staff and all, school users schools and all.
 *
 * <p>All of it comes from one snapshot: a scan of the published articles' titles, services,
 * audiences and daily view counts, plus one aggregation of the recent "helpful" ratings. The
 * snapshot is kept for {@code cacheFor} (a short time: popularity need not be to the second, and a
 * home page should not scan every article), concurrent readers share one load, and a stale snapshot
 * is replaced in the background while readers keep the old one.
 */
public final class ArticleListings {
  /** An article in a list, with its recent views and helpful ratings. */
  public record Listed(String id, String title, String service, long views, long helpful) {}

  /** A service and how many articles the reader can see in it. */
  public record Service(String name, int articles) {}

  /** The home page's lists. */
  public record Popular(List<Listed> mostViewed, List<Listed> mostHelpful) {}

  private record Entry(Listed listed, Audience audience) {}

  private record Snapshot(Instant takenAt, List<Entry> entries) {}

  private final ArticleRepository repo;
  private final MongoCollection<Document> feedback;
  private final Blocking blocking;
  private final Clock clock;
  private final int days;
  private final Duration cacheFor;
  private Future<Snapshot> snapshot;
  private Future<Snapshot> reloading;

  /**
   * @param days the window for "popular"; daily view counts older than this are removed
   * @param cacheFor how long one snapshot serves
   */
  public ArticleListings(
      ArticleRepository repo,
      MongoDatabase db,
      Blocking blocking,
      Clock clock,
      int days,
      Duration cacheFor) {
    this.repo = repo;
    this.feedback = db.getCollection(FeedbackService.COLLECTION);
    this.blocking = blocking;
    this.clock = clock;
    this.days = days;
    this.cacheFor = cacheFor;
  }

  public int days() {
    return days;
  }

  /** The most viewed and the most helpful articles the reader may see, {@code limit} of each. */
  public Future<Popular> popular(String audience, int limit) {
    Audience reader = Audience.parseReader(audience);
    return current()
        .map(
            s -> {
              List<Listed> visible = visible(s, reader).toList();
              return new Popular(
                  top(visible, Comparator.comparingLong(Listed::views), Listed::views, limit),
                  top(visible, Comparator.comparingLong(Listed::helpful), Listed::helpful, limit));
            });
  }

  /** The services with at least one article the reader may see, by name. */
  public Future<List<Service>> services(String audience) {
    Audience reader = Audience.parseReader(audience);
    return current()
        .map(
            s -> {
              Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
              visible(s, reader).forEach(l -> counts.merge(l.service(), 1, Integer::sum));
              return counts.entrySet().stream()
                  .map(e -> new Service(e.getKey(), e.getValue()))
                  .toList();
            });
  }

  /** The articles of one service the reader may see, by title; 404 if there are none. */
  public Future<List<Listed>> inService(String audience, String service) {
    Audience reader = Audience.parseReader(audience);
    return current()
        .map(
            s -> {
              List<Listed> out =
                  visible(s, reader)
                      .filter(l -> l.service().equalsIgnoreCase(service))
                      .sorted(Comparator.comparing(Listed::title, String.CASE_INSENSITIVE_ORDER))
                      .toList();
              if (out.isEmpty()) {
                throw ApiException.notFound("There are no articles for that service.");
              }
              return out;
            });
  }

  private static java.util.stream.Stream<Listed> visible(Snapshot s, Audience reader) {
    return s.entries().stream().filter(e -> reader.canSee(e.audience())).map(Entry::listed);
  }

  private static List<Listed> top(
      List<Listed> all,
      Comparator<Listed> by,
      java.util.function.ToLongFunction<Listed> value,
      int limit) {
    return all.stream()
        .filter(l -> value.applyAsLong(l) > 0)
        .sorted(by.reversed().thenComparing(Listed::title, String.CASE_INSENSITIVE_ORDER))
        .limit(Math.max(0, limit))
        .toList();
  }

  /**
   * The snapshot. The first call loads it; once it is older than {@code cacheFor}, the next call
   * starts a reload in the background and, until it is done, everyone keeps the old one, so no
   * reader waits for the scan (about a second at 10,000 articles on a loaded machine). A {@code
   * cacheFor} of zero turns the cache off: every call loads and waits.
   */
  private synchronized Future<Snapshot> current() {
    Future<Snapshot> s = snapshot;
    if (s == null || s.failed() || cacheFor.isZero()) {
      s = blocking.call(this::load);
      snapshot = s;
      return s;
    }
    if (s.succeeded()
        && reloading == null
        && s.result().takenAt().plus(cacheFor).isBefore(clock.instant())) {
      Future<Snapshot> next = blocking.call(this::load);
      reloading = next;
      next.onComplete(r -> replace(next));
    }
    return s;
  }

  private synchronized void replace(Future<Snapshot> loaded) {
    if (loaded.succeeded()) {
      snapshot = loaded;
    }
    reloading = null;
  }

  /** Blocking: one scan of the published articles and one aggregation of recent ratings. */
  private Snapshot load() {
    // Views are counted behind in batches: write the queued ones so the snapshot includes them.
    repo.flushViews();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    String firstDay = today.minusDays(days - 1L).toString();
    Map<String, Long> helpful = helpfulSince(now.minus(Duration.ofDays(days)));
    List<Entry> entries = new ArrayList<>();
    Map<String, Document> counted = repo.views().all();
    MongoCollection<Document> articles = repo.articles();
    for (Document d :
        articles
            .find(
                Filters.and(
                    Filters.exists("live"), Filters.ne("status", ArticleStatus.ARCHIVED.name())))
            .projection(
                Projections.include(
                    "live.title",
                    "live.service",
                    "live.audience",
                    ArticleRepository.VIEWS_BY_DAY))) {
      Document live = d.get("live", Document.class);
      String id = d.getString("_id");
      // Days counted on the article itself by earlier versions, and days counted in kb_views.
      List<String> expired = new ArrayList<>();
      long views = inWindow(d, firstDay, expired);
      // Keeps each article's daily counts to the window: at most one small write a day each.
      repo.forgetViewDays(id, expired);
      Document c = counted.get(id);
      if (c != null) {
        List<String> expiredCounts = new ArrayList<>();
        views += inWindow(c, firstDay, expiredCounts);
        repo.views().forgetDays(id, expiredCounts);
      }
      String service = live.getString("service");
      entries.add(
          new Entry(
              new Listed(
                  id,
                  live.getString("title"),
                  service == null || service.isBlank() ? "Other" : service,
                  views,
                  helpful.getOrDefault(id, 0L)),
              Audience.parseArticle(live.getString("audience"))));
    }
    return new Snapshot(now, List.copyOf(entries));
  }

  /** The views on days from {@code firstDay} on; older days are added to {@code expired}. */
  private static long inWindow(Document d, String firstDay, List<String> expired) {
    long views = 0;
    Document byDay = d.get(ArticleViews.BY_DAY, Document.class);
    if (byDay != null) {
      for (Map.Entry<String, Object> e : byDay.entrySet()) {
        if (e.getKey().compareTo(firstDay) >= 0) {
          views += ((Number) e.getValue()).longValue();
        } else {
          expired.add(e.getKey());
        }
      }
    }
    return views;
  }

  private Map<String, Long> helpfulSince(Instant since) {
    Map<String, Long> out = new HashMap<>();
    List<Document> pipeline =
        List.of(
            new Document(
                "$match",
                new Document("at", new Document("$gte", Date.from(since))).append("helpful", true)),
            new Document(
                "$group", new Document("_id", "$articleId").append("n", new Document("$sum", 1))));
    for (Document d : feedback.aggregate(pipeline)) {
      out.put(d.getString("_id"), ((Number) d.get("n")).longValue());
    }
    return out;
  }
}
