package io.frontdesk.knowledge.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.knowledge.Audience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Articles in MongoDB (blocking; call through Blocking). One document per article holds the live
 * (published) content and, separately, a pending draft, so editing a published article never
 * touches what readers see until the edit is approved. Every content change is also appended to
 * {@code kb_versions}, and every change takes a number from a store-wide counter that the indexes
 * of all processes follow.
 */
public final class ArticleRepository {
  public static final String ARTICLES = "kb_articles";
  public static final String VERSIONS = "kb_versions";
  public static final String AUDIT = "kb_audit";
  public static final String META = "kb_meta";
  private static final String CHANGES = "changes";

  /**
   * Field of per-day view counts that earlier versions kept on the article itself: still read (see
   * {@link ArticleViews}), no longer written.
   */
  public static final String VIEWS_BY_DAY = ArticleViews.BY_DAY;

  private final MongoCollection<Document> articles;
  private final MongoCollection<Document> versions;
  private final MongoCollection<Document> audit;
  private final MongoCollection<Document> meta;
  private final ArticleViews views;

  /** Counts each view at once (tests and tools). */
  public ArticleRepository(MongoDatabase db) {
    this(db, WriteBehinds.direct());
  }

  /** Counts views behind, in batches: one {@code $inc} per article per batch. */
  public ArticleRepository(MongoDatabase db, WriteBehinds buffers) {
    this.articles = db.getCollection(ARTICLES);
    this.versions = db.getCollection(VERSIONS);
    this.audit = db.getCollection(AUDIT);
    this.meta = db.getCollection(META);
    this.views = new ArticleViews(db, buffers);
  }

  /**
   * Counts a reader's view of an article (queued, never blocks): the all-time counter and the day's
   * (which feeds "most viewed in the last N days"), in {@link ArticleViews}.
   */
  public void countView(String id, LocalDate day) {
    views.count(id, day);
  }

  /** Writes the view counts still queued, so a curator's page shows them. Blocking. */
  public void flushViews() {
    views.flush();
  }

  /** The view counts. */
  public ArticleViews views() {
    return views;
  }

  /** Creates the indexes (idempotent). */
  public void init() {
    articles.createIndex(Indexes.ascending("seq"));
    articles.createIndex(Indexes.ascending("status", "reviewBy"));
    versions.createIndex(
        Indexes.ascending("articleId", "version"), new IndexOptions().unique(true));
    audit.createIndex(Indexes.ascending("articleId", "at"));
  }

  public MongoCollection<Document> articles() {
    return articles;
  }

  /**
   * The next change number. {@code $inc} returning the document BEFORE the update, plus one: the
   * embedded store can hand the same AFTER value to concurrent callers (see embedded-mongo notes).
   */
  public long nextSeq() {
    Document before =
        meta.findOneAndUpdate(
            new Document("_id", CHANGES),
            Updates.inc("seq", 1L),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return before == null ? 1 : ((Number) before.get("seq")).longValue() + 1;
  }

  /** The highest change number handed out (0 for a new store). */
  public long currentSeq() {
    Document d = meta.find(new Document("_id", CHANGES)).first();
    return d == null ? 0 : ((Number) d.get("seq")).longValue();
  }

  public Optional<Document> find(String id) {
    return Optional.ofNullable(articles.find(new Document("_id", id)).first());
  }

  /** Articles changed with a number above {@code seq}. */
  public List<Document> changedSince(long seq) {
    return articles.find(new Document("seq", new Document("$gt", seq))).into(new ArrayList<>());
  }

  public List<Document> all() {
    return articles.find().into(new ArrayList<>());
  }

  public void insert(Document d) {
    articles.insertOne(d);
  }

  /**
   * Reserves {@code n} consecutive change numbers in one round trip and returns the first (bulk
   * loads; same BEFORE + 1 rule as {@link #nextSeq()}).
   */
  public long nextSeqs(int n) {
    Document before =
        meta.findOneAndUpdate(
            new Document("_id", CHANGES),
            Updates.inc("seq", (long) n),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return before == null ? 1 : ((Number) before.get("seq")).longValue() + 1;
  }

  /** Which of these ids are already articles (any status). */
  public Set<String> existingIds(Collection<String> ids) {
    Set<String> out = new HashSet<>();
    for (Document d :
        articles
            .find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
            .projection(new Document("_id", 1))) {
      out.add(d.getString("_id"));
    }
    return out;
  }

  /**
   * Bulk load of new published articles: one {@code insertMany} per collection for the articles,
   * their first versions and their audit entries, instead of three round trips per article. Returns
   * the stored article documents. If another writer created one of the ids meanwhile, every article
   * of this batch that went in keeps its first version and audit entry, and a 409 names the clash.
   */
  public List<Document> insertPublished(List<ArticleInput> batch, String by) {
    if (batch.isEmpty()) {
      return List.of();
    }
    Date now = new Date();
    long seq = nextSeqs(batch.size());
    List<Document> docs = new ArrayList<>(batch.size());
    List<Document> firstVersions = new ArrayList<>(batch.size());
    List<Document> audits = new ArrayList<>(batch.size());
    for (ArticleInput a : batch) {
      Document d =
          new Document("_id", a.id())
              .append("owner", by)
              .append("createdAt", now)
              .append("live", content(a))
              .append("liveVersion", 1)
              .append("version", 1)
              .append("status", ArticleStatus.PUBLISHED.name())
              .append("updatedAt", now)
              .append("seq", seq++);
      a.reviewBy().ifPresent(r -> d.put("reviewBy", r.toString()));
      docs.add(d);
      firstVersions.add(
          new Document("articleId", a.id())
              .append("version", 1)
              .append("at", now)
              .append("by", by)
              .append("action", "import")
              .append("changed", List.of("created"))
              .append("content", content(a)));
      audits.add(
          new Document("articleId", a.id())
              .append("at", now)
              .append("by", by)
              .append("action", "import-add")
              .append("detail", a.title()));
    }
    try {
      articles.insertMany(docs);
    } catch (com.mongodb.MongoBulkWriteException e) {
      // Someone else created one of these ids meanwhile. Which of ours went in depends on the
      // server (MongoDB stops an ordered insert at the first error, the embedded store carries
      // on), so ask the store: ours are the ones carrying the change numbers handed to this call.
      long first = seq - batch.size();
      Set<String> ours = new HashSet<>();
      for (Document d :
          articles
              .find(new Document("seq", new Document("$gte", first).append("$lt", seq)))
              .projection(new Document("_id", 1))) {
        ours.add(d.getString("_id"));
      }
      writeHistory(firstVersions, audits, ours);
      String clash =
          batch.stream()
              .map(ArticleInput::id)
              .filter(id -> !ours.contains(id))
              .findFirst()
              .orElse("?");
      throw ApiException.conflict(
          "article '"
              + clash
              + "' was created by someone else during the import; import again to update it");
    }
    writeHistory(firstVersions, audits, null);
    return docs;
  }

  /** The first version and audit entry of each article written (all when {@code only} is null). */
  private void writeHistory(List<Document> firstVersions, List<Document> audits, Set<String> only) {
    java.util.function.Predicate<Document> keep =
        d -> only == null || only.contains(d.getString("articleId"));
    List<Document> v = firstVersions.stream().filter(keep).toList();
    List<Document> a = audits.stream().filter(keep).toList();
    if (!v.isEmpty()) {
      versions.insertMany(v);
      audit.insertMany(a);
    }
  }

  public void replace(Document d) {
    articles.replaceOne(new Document("_id", d.getString("_id")), d);
  }

  /** Replaces only if nobody changed it since we read {@code expectedSeq}; false if they did. */
  public boolean replaceIf(Document d, long expectedSeq) {
    return articles
            .replaceOne(new Document("_id", d.getString("_id")).append("seq", expectedSeq), d)
            .getMatchedCount()
        == 1;
  }

  public void inc(String id, String counter) {
    articles.updateOne(new Document("_id", id), Updates.inc(counter, 1L));
  }

  /** Removes daily view counts of the given days (older than any window still asked about). */
  public void forgetViewDays(String id, List<String> days) {
    if (!days.isEmpty()) {
      articles.updateOne(
          new Document("_id", id),
          Updates.combine(days.stream().map(d -> Updates.unset(VIEWS_BY_DAY + "." + d)).toList()));
    }
  }

  public void appendVersion(
      String id, int version, String by, String action, Document content, List<String> changed) {
    versions.insertOne(
        new Document("articleId", id)
            .append("version", version)
            .append("at", new Date())
            .append("by", by)
            .append("action", action)
            .append("changed", changed)
            .append("content", content));
  }

  public List<Document> versions(String id) {
    return versions
        .find(new Document("articleId", id))
        .sort(new Document("version", 1))
        .into(new ArrayList<>());
  }

  public Optional<Document> version(String id, int version) {
    return Optional.ofNullable(
        versions.find(new Document("articleId", id).append("version", version)).first());
  }

  public void audit(String articleId, String by, String action, String detail) {
    audit.insertOne(
        new Document("articleId", articleId)
            .append("at", new Date())
            .append("by", by)
            .append("action", action)
            .append("detail", detail));
  }

  public List<Document> auditOf(String id) {
    return audit
        .find(new Document("articleId", id))
        .sort(new Document("at", 1))
        .into(new ArrayList<>());
  }

  /** Published articles whose review-by date is before {@code day}. */
  public List<Document> staleBefore(LocalDate day) {
    Bson q =
        new Document("status", ArticleStatus.PUBLISHED.name())
            .append("reviewBy", new Document("$lt", day.toString()));
    return articles.find(q).sort(new Document("reviewBy", 1)).into(new ArrayList<>());
  }

  /** Articles holding a pending draft, most recently changed first. */
  public List<Document> withDrafts() {
    return articles
        .find(new Document("draft", new Document("$exists", true)))
        .sort(new Document("updatedAt", -1))
        .limit(500)
        .into(new ArrayList<>());
  }

  /** Audit entries of one action across all articles, newest first. */
  public List<Document> auditByAction(String action, int limit) {
    return audit
        .find(new Document("action", action))
        .sort(new Document("at", -1))
        .limit(limit)
        .into(new ArrayList<>());
  }

  // --- content sub-documents ---

  public static Document content(ArticleInput a) {
    return new Document("title", a.title())
        .append("body", a.body())
        .append("tags", a.tags())
        .append("service", a.service())
        .append("audience", a.audience().wire());
  }

  public static ArticleInput input(String id, Document content, Optional<LocalDate> reviewBy) {
    return new ArticleInput(
        id,
        content.getString("title"),
        content.getString("body"),
        content.getList("tags", String.class, List.of()),
        content.getString("service"),
        Audience.parseArticle(content.getString("audience")),
        reviewBy);
  }

  public static Optional<LocalDate> reviewBy(Document d) {
    String s = d.getString("reviewBy");
    return s == null ? Optional.empty() : Optional.of(LocalDate.parse(s));
  }

  public static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? Instant.EPOCH : date.toInstant();
  }

  public static long count(Document d, String field) {
    Object o = d.get(field);
    return o instanceof Number n ? n.longValue() : 0;
  }
}
