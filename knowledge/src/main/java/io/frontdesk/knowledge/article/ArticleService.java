package io.frontdesk.knowledge.article;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.IndexSync;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.commonmark.node.Node;

/**
 * Articles and the curation workflow: draft, submit, approve (never by the author), publish,
 * archive, restore. Every change is versioned and audited, and reaches the index before the future
 * completes. All store and index work runs through {@link Blocking}.
 */
public final class ArticleService {
  private final ArticleRepository repo;
  private final IndexSync sync;
  private final MarkdownRenderer markdown;
  private final Excerpts excerpts;
  private final Blocking blocking;
  private final Clock clock;

  /**
   * Seconds a published article, rendered, is reused in process while this process's index does not
   * know the article (while it does, the entry lasts as long as the version it holds); 0 turns the
   * cache off.
   */
  public static final String CACHE_SECONDS = "FRONTDESK_KB_ARTICLE_CACHE_SECONDS";

  public static final int DEFAULT_CACHE_SECONDS = 5;

  /** Published articles kept rendered in process at most (about 6 KB each for 250 words). */
  public static final String CACHE_ENTRIES = "FRONTDESK_KB_ARTICLE_CACHE_ENTRIES";

  public static final int DEFAULT_CACHE_ENTRIES = 20_000;

  /** The 403 for four eyes: anyone who wrote part of the draft under review. */
  public static final String OWN_APPROVAL =
      "You cannot approve this draft: you wrote or edited it since it was last published, and"
          + " four-eyes review needs another Champion or an admin who wrote no part of it.";

  private final PublishedCache cache;
  private final ArticleBulk bulk;

  public ArticleService(
      ArticleRepository repo,
      IndexSync sync,
      MarkdownRenderer markdown,
      Excerpts excerpts,
      Blocking blocking,
      Clock clock,
      Duration cacheFor) {
    this(repo, sync, markdown, excerpts, blocking, clock, cacheFor, DEFAULT_CACHE_ENTRIES);
  }

  /**
   * @param cacheFor zero turns off the in-process cache of published articles, read and rendered;
   *     otherwise an entry serves readers while this process's index holds the same version of the
   *     article (every process's changes reach the index within its poll), or for this long when
   *     the index does not know the article. Every change made through this service drops it at
   *     once.
   * @param cacheEntries how many articles that cache keeps at most
   */
  public ArticleService(
      ArticleRepository repo,
      IndexSync sync,
      MarkdownRenderer markdown,
      Excerpts excerpts,
      Blocking blocking,
      Clock clock,
      Duration cacheFor,
      int cacheEntries) {
    this.repo = repo;
    this.sync = sync;
    this.markdown = markdown;
    this.excerpts = excerpts;
    this.blocking = blocking;
    this.clock = clock;
    this.cache = new PublishedCache(cacheFor, cacheEntries);
    this.bulk = new ArticleBulk(repo, sync, cache, clock);
    sync.onApplied(this::prerender);
  }

  /**
   * A version just reached the index (written here or by another process): if it is published,
   * render and sanitise it now, once, so its readers need no store read and no rendering.
   */
  private void prerender(Document d) {
    Document live = d.get("live", Document.class);
    if (live == null
        || ArticleStatus.ARCHIVED.name().equals(d.getString("status"))
        || !cache.enabled()) {
      return;
    }
    cache.put(
        new PublishedCache.Entry(
            view(d, live, ArticleStatus.PUBLISHED, d.getInteger("liveVersion", 1)),
            ArticleRepository.count(d, "seq")));
  }

  // --- readers ---

  /** The published version for a reader of this audience; 404 if unknown, unpublished or hidden. */
  public Future<Article> published(String id, String audience) {
    Audience reader = Audience.parseReader(audience);
    Optional<PublishedCache.Entry> hit = cache.get(id, sync.seqOf(id));
    if (hit.isPresent()) {
      // The version the index holds, read and rendered before: no store round trip, no markdown,
      // no sanitising, no worker hop.
      try {
        return Future.succeededFuture(readable(hit.get(), reader));
      } catch (ApiException e) {
        return Future.failedFuture(e);
      }
    }
    return blocking.call(
        () -> {
          Document d = repo.find(id).orElseThrow(() -> notFound(id));
          Document live = d.get("live", Document.class);
          if (live == null || ArticleStatus.ARCHIVED.name().equals(d.getString("status"))) {
            throw notFound(id);
          }
          PublishedCache.Entry e =
              new PublishedCache.Entry(
                  view(d, live, ArticleStatus.PUBLISHED, d.getInteger("liveVersion", 1)),
                  ArticleRepository.count(d, "seq"));
          cache.put(e);
          return readable(e, reader);
        });
  }

  /**
   * The article for this reader, counting the view; 404 if the reader's audience may not see it.
   */
  private Article readable(PublishedCache.Entry e, Audience reader) {
    if (!reader.canSee(e.view().audience())) {
      throw notFound(e.view().id());
    }
    repo.countView(e.view().id(), LocalDate.now(clock));
    return e.view();
  }

  /** The part of the published article that best answers the question, for a bot card. */
  public Future<Excerpts.Excerpt> answerExcerpt(String id, String query, String audience) {
    return published(id, audience).map(a -> excerpts.best(a, query));
  }

  // --- curators ---

  /** The article as a curator sees it: the pending draft if there is one, else the live one. */
  public Future<Article> forCurator(Principal who, String id) {
    requireCurator(who);
    return blocking.call(
        () -> {
          repo.flushViews();
          Document d = repo.find(id).orElseThrow(() -> notFound(id));
          return curatorView(d);
        });
  }

  public Future<Article> createDraft(Principal who, ArticleInput input) {
    requireCurator(who);
    ArticleInput a = ArticleFormat.validate(input);
    return blocking.call(
        () -> {
          if (repo.find(a.id()).isPresent()) {
            throw ApiException.conflict("an article with id '" + a.id() + "' already exists");
          }
          Date now = Date.from(clock.instant());
          Document d =
              new Document("_id", a.id())
                  .append("owner", who.id())
                  .append("createdAt", now)
                  .append("updatedAt", now)
                  .append("status", ArticleStatus.DRAFT.name())
                  .append("draft", draft(a, who, ArticleStatus.DRAFT))
                  .append("version", 1)
                  .append("seq", repo.nextSeq());
          a.reviewBy().ifPresent(r -> d.append("reviewBy", r.toString()));
          repo.insert(d);
          cache.forget(a.id(), ArticleRepository.count(d, "seq"));
          repo.appendVersion(
              a.id(), 1, who.id(), "draft", ArticleRepository.content(a), List.of("created"));
          repo.audit(a.id(), who.id(), "create-draft", a.title());
          return curatorView(d);
        });
  }

  /** Saves a draft; editing a published article starts a draft while the live one stays. */
  public Future<Article> editDraft(Principal who, ArticleInput input) {
    requireCurator(who);
    ArticleInput a = ArticleFormat.validate(input);
    return change(
        who,
        a.id(),
        "edit-draft",
        d -> {
          if (ArticleStatus.ARCHIVED.name().equals(d.getString("status"))) {
            throw ApiException.conflict("article '" + a.id() + "' is archived; restore it first");
          }
          Document old = pendingOrLive(d);
          List<String> writers = contributors(d.get("draft", Document.class));
          Document next = draft(a, who, ArticleStatus.DRAFT);
          if (!writers.contains(who.id())) {
            writers.add(who.id());
          }
          next.put("contributors", writers);
          d.put("draft", next);
          if (d.get("live") == null) {
            d.put("status", ArticleStatus.DRAFT.name());
          }
          a.reviewBy().ifPresent(r -> d.put("reviewBy", r.toString()));
          int v = d.getInteger("version", 1) + 1;
          d.put("version", v);
          repo.appendVersion(
              a.id(), v, who.id(), "draft", ArticleRepository.content(a), diff(old, a));
          return a.title();
        });
  }

  public Future<Article> submit(Principal who, String id) {
    requireCurator(who);
    return change(
        who,
        id,
        "submit",
        d -> {
          Document draft = requireDraft(d);
          draft.put("state", ArticleStatus.IN_REVIEW.name());
          draft.put("submittedBy", who.id());
          if (d.get("live") == null) {
            d.put("status", ArticleStatus.IN_REVIEW.name());
          }
          return "";
        });
  }

  /**
   * Approves and publishes the pending draft. Four eyes: nobody who created or edited the draft
   * since the last published version may approve it.
   */
  public Future<Article> approve(Principal who, String id) {
    requireCurator(who);
    return change(
        who,
        id,
        "approve",
        d -> {
          Document draft = requireDraft(d);
          if (!ArticleStatus.IN_REVIEW.name().equals(draft.getString("state"))) {
            throw ApiException.conflict("article '" + id + "' has not been submitted for review");
          }
          List<String> writers = contributors(draft);
          if (writers.contains(who.id())) {
            throw ApiException.forbidden(OWN_APPROVAL);
          }
          Document content = new Document(draft);
          content.remove("state");
          content.remove("author");
          content.remove("contributors");
          content.remove("submittedBy");
          d.put("live", content);
          d.put("liveVersion", d.getInteger("version", 1));
          d.remove("draft");
          d.put("status", ArticleStatus.PUBLISHED.name());
          StringBuilder detail = new StringBuilder("approved by " + who.id());
          for (int i = 0; i < writers.size(); i++) {
            detail.append(i == 0 ? ", written by " : ", edited by ").append(writers.get(i));
          }
          return detail.toString();
        });
  }

  /** Sends a submitted draft back to its author. */
  public Future<Article> reject(Principal who, String id, String reason) {
    requireCurator(who);
    return change(
        who,
        id,
        "reject",
        d -> {
          Document draft = requireDraft(d);
          draft.put("state", ArticleStatus.DRAFT.name());
          if (d.get("live") == null) {
            d.put("status", ArticleStatus.DRAFT.name());
          }
          return reason == null ? "" : reason;
        });
  }

  public Future<Article> archive(Principal who, String id) {
    requireCurator(who);
    return change(
        who,
        id,
        "archive",
        d -> {
          d.put("status", ArticleStatus.ARCHIVED.name());
          return "";
        });
  }

  /**
   * Restores an old version's content as a new version, submitted for review. It goes live only
   * when another curator approves it: every version is in the history, drafts that were never
   * approved included, so publishing a restore directly would let one person publish content nobody
   * reviewed. Until then the live version (if any) stays, and an archived article stays out of
   * search; to take a bad live version down at once, archive it.
   */
  public Future<Article> restore(Principal who, String id, int version) {
    requireCurator(who);
    return change(
        who,
        id,
        "restore",
        d -> {
          Document old =
              repo.version(id, version)
                  .orElseThrow(
                      () -> ApiException.notFound("article '" + id + "' has no version " + version))
                  .get("content", Document.class);
          int v = d.getInteger("version", 1) + 1;
          Document next =
              new Document(old)
                  .append("state", ArticleStatus.IN_REVIEW.name())
                  .append("author", who.id())
                  .append("contributors", new ArrayList<>(List.of(who.id())))
                  .append("submittedBy", who.id());
          d.put("version", v);
          d.put("draft", next);
          if (d.get("live") == null
              || ArticleStatus.ARCHIVED.name().equals(d.getString("status"))) {
            d.put("status", ArticleStatus.IN_REVIEW.name());
          }
          repo.appendVersion(id, v, who.id(), "restore", old, List.of("restored v" + version));
          return "restored version " + version + " as version " + v + ", submitted for review";
        });
  }

  /** Version history, oldest first. */
  public Future<List<Document>> history(Principal who, String id) {
    requireCurator(who);
    return blocking.call(
        () -> {
          repo.find(id).orElseThrow(() -> notFound(id));
          List<Document> out = new ArrayList<>();
          for (Document v : repo.versions(id)) {
            v.remove("_id");
            out.add(v);
          }
          return out;
        });
  }

  public Future<List<Document>> audit(Principal who, String id) {
    requireCurator(who);
    return blocking.call(
        () -> {
          List<Document> out = repo.auditOf(id);
          out.forEach(d -> d.remove("_id"));
          return out;
        });
  }

  /** Published articles past their review-by date. */
  public Future<List<Article>> stale(Principal who) {
    requireCurator(who);
    return blocking.call(
        () -> {
          repo.flushViews();
          List<Article> out = new ArrayList<>();
          for (Document d : repo.staleBefore(LocalDate.now(clock))) {
            out.add(
                view(
                    d,
                    d.get("live", Document.class),
                    ArticleStatus.PUBLISHED,
                    d.getInteger("liveVersion", 1),
                    repo.views().total(d)));
          }
          return out;
        });
  }

  /**
   * Articles with a pending draft (new, or an edit of a published article), most recently changed
   * first: a Champion's own drafts and the review queue are views of this list.
   */
  public Future<List<Article>> pendingDrafts(Principal who) {
    requireCurator(who);
    return blocking.call(
        () -> {
          repo.flushViews();
          return repo.withDrafts().stream().map(this::curatorView).toList();
        });
  }

  /** The latest approvals across the knowledge base (who approved which article), newest first. */
  public Future<List<Document>> recentApprovals(Principal who, int limit) {
    requireCurator(who);
    return blocking.call(
        () -> {
          List<Document> out = repo.auditByAction("approve", Math.max(1, Math.min(limit, 500)));
          out.forEach(d -> d.remove("_id"));
          return out;
        });
  }

  /**
   * Markdown rendered and sanitised exactly as a published article is rendered, for the editor's
   * preview (with and without JavaScript).
   */
  public String preview(Principal who, String markdown) {
    requireCurator(who);
    return markdown == null ? "" : this.markdown.html(markdown);
  }

  /** Every live article's content, for export. Blocking. */
  public List<ArticleInput> exportAllBlocking() {
    return bulk.exportAllBlocking();
  }

  /**
   * Publishes imported articles (kb import, QnA import, demo seed) and waits until they are
   * searchable; see {@link ArticleBulk#importAllBlocking}. Returns how many were added; the rest
   * were updated. Blocking.
   */
  public int importAllBlocking(String by, List<ArticleInput> inputs) {
    return bulk.importAllBlocking(by, inputs);
  }

  public void incrementBlocking(String id, String counter) {
    repo.inc(id, counter);
  }

  // --- internals ---

  private interface Mutation {
    /** Changes the document in place; returns the audit detail. */
    String apply(Document d);
  }

  /**
   * Read, change, write back only if nobody else wrote in between (compare-and-set on the change
   * number), audit, and index. A lost race is a 409, which the caller can retry.
   */
  private Future<Article> change(Principal who, String id, String action, Mutation m) {
    return blocking.call(
        () -> {
          // Queued view counts first, so the write-back below does not undo them.
          repo.flushViews();
          Document d = repo.find(id).orElseThrow(() -> notFound(id));
          long expected = ArticleRepository.count(d, "seq");
          String detail = m.apply(d);
          d.put("updatedAt", Date.from(clock.instant()));
          d.put("seq", repo.nextSeq());
          if (!repo.replaceIf(d, expected)) {
            throw ApiException.conflict("article '" + id + "' changed meanwhile; try again");
          }
          cache.forget(id, ArticleRepository.count(d, "seq"));
          repo.audit(id, who.id(), action, detail);
          sync.applyNow(d);
          return curatorView(d);
        });
  }

  private static Document draft(ArticleInput a, Principal who, ArticleStatus state) {
    return ArticleRepository.content(a)
        .append("state", state.name())
        .append("author", who.id())
        .append("contributors", new ArrayList<>(List.of(who.id())));
  }

  /**
   * Everyone who created or edited this pending draft since the last published version, in order
   * (empty without a draft). Drafts saved before the list existed fall back to their last author.
   */
  private static List<String> contributors(Document draft) {
    List<String> out = new ArrayList<>();
    if (draft == null) {
      return out;
    }
    List<String> listed = draft.getList("contributors", String.class);
    if (listed != null) {
      out.addAll(listed);
    }
    String author = draft.getString("author");
    if (author != null && !out.contains(author)) {
      out.add(author);
    }
    return out;
  }

  private static Document requireDraft(Document d) {
    Document draft = d.get("draft", Document.class);
    if (draft == null) {
      throw ApiException.conflict("article '" + d.getString("_id") + "' has no pending draft");
    }
    return draft;
  }

  static Document pendingOrLive(Document d) {
    Document draft = d.get("draft", Document.class);
    return draft != null ? draft : d.get("live", Document.class);
  }

  static List<String> diff(Document old, ArticleInput a) {
    if (old == null) {
      return List.of("created");
    }
    Document now = ArticleRepository.content(a);
    List<String> changed = new ArrayList<>();
    for (String f : List.of("title", "body", "tags", "service", "audience")) {
      if (!Objects.equals(old.get(f), now.get(f))) {
        changed.add(f);
      }
    }
    return changed;
  }

  /** As curators see it, with the article's views counted so far. */
  private Article curatorView(Document d) {
    long views = repo.views().total(d);
    Document draft = d.get("draft", Document.class);
    if (draft != null) {
      return view(
          d,
          draft,
          ArticleStatus.valueOf(draft.getString("state")),
          d.getInteger("version", 1),
          views);
    }
    Document live = d.get("live", Document.class);
    return view(
        d,
        live,
        ArticleStatus.valueOf(d.getString("status")),
        d.getInteger("liveVersion", 1),
        views);
  }

  /** As readers see it: without a live view count (kept for curators: {@link #curatorView}). */
  private Article view(Document d, Document content, ArticleStatus status, int version) {
    return view(d, content, status, version, ArticleRepository.count(d, ArticleViews.VIEWS));
  }

  private Article view(
      Document d, Document content, ArticleStatus status, int version, long views) {
    String body = content.getString("body");
    Document draft = d.get("draft", Document.class);
    Node parsed = markdown.parse(body);
    return new Article(
        d.getString("_id"),
        content.getString("title"),
        body,
        markdown.html(parsed),
        markdown.text(parsed),
        content.getList("tags", String.class, List.of()),
        content.getString("service"),
        Audience.parseArticle(content.getString("audience")),
        ArticleStatus.ARCHIVED.name().equals(d.getString("status"))
            ? ArticleStatus.ARCHIVED
            : status,
        d.getString("owner"),
        ArticleRepository.reviewBy(d),
        ArticleRepository.instant(d, "createdAt"),
        ArticleRepository.instant(d, "updatedAt"),
        views,
        ArticleRepository.count(d, "helpful"),
        ArticleRepository.count(d, "notHelpful"),
        version,
        draft == null ? Optional.empty() : Optional.ofNullable(draft.getString("author")),
        List.copyOf(contributors(draft)));
  }

  static void requireCurator(Principal who) {
    if (who == null || !who.hasAny(Role.CHAMPION, Role.ADMIN)) {
      throw ApiException.forbidden("Only Digital Champions and admins can curate articles.");
    }
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("No article '" + id + "'.");
  }
}
