package io.frontdesk.knowledge.article;

import io.frontdesk.knowledge.index.IndexSync;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Articles in bulk: export of every live article, and import (kb import, QnA import, demo seed)
 * that publishes directly, without review, because the files are the reviewed source. Ids new to
 * the store go in with one {@code insertMany} per collection per {@link #IMPORT_BATCH} articles
 * instead of three writes each; a known id becomes a new version of its article, with its diff.
 * Part of {@link ArticleService}, which owns the cache and index sync this shares.
 */
final class ArticleBulk {
  /** Articles per bulk import write: enough to share a commit, small enough for one message. */
  static final int IMPORT_BATCH = 500;

  private final ArticleRepository repo;
  private final IndexSync sync;
  private final PublishedCache cache;
  private final Clock clock;

  ArticleBulk(ArticleRepository repo, IndexSync sync, PublishedCache cache, Clock clock) {
    this.repo = repo;
    this.sync = sync;
    this.cache = cache;
    this.clock = clock;
  }

  /** Every live article's content, for export. Blocking. */
  List<ArticleInput> exportAllBlocking() {
    List<ArticleInput> out = new ArrayList<>();
    for (Document d : repo.all()) {
      Document live = d.get("live", Document.class);
      if (live != null && !ArticleStatus.ARCHIVED.name().equals(d.getString("status"))) {
        out.add(ArticleRepository.input(d.getString("_id"), live, ArticleRepository.reviewBy(d)));
      }
    }
    return out;
  }

  /**
   * Publishes imported content directly (kb import, demo seed): a new article, or a new version of
   * an existing one. Returns true if it was added, false if updated. Blocking. The article is
   * indexed but may not be searchable until {@link #awaitImportedBlocking()}.
   */
  private boolean importPublishedBlocking(String by, ArticleInput a) {
    Date now = Date.from(clock.instant());
    Optional<Document> existing = repo.find(a.id());
    Document d =
        existing.orElseGet(
            () -> new Document("_id", a.id()).append("owner", by).append("createdAt", now));
    int v = existing.isPresent() ? d.getInteger("version", 1) + 1 : 1;
    List<String> changed =
        existing
            .map(e -> ArticleService.diff(ArticleService.pendingOrLive(e), a))
            .orElse(List.of("created"));
    d.put("live", ArticleRepository.content(a));
    d.put("liveVersion", v);
    d.put("version", v);
    d.put("status", ArticleStatus.PUBLISHED.name());
    d.put("updatedAt", now);
    a.reviewBy().ifPresent(r -> d.put("reviewBy", r.toString()));
    d.put("seq", repo.nextSeq());
    if (existing.isPresent()) {
      repo.replace(d);
    } else {
      repo.insert(d);
    }
    cache.forget(a.id(), ArticleRepository.count(d, "seq"));
    repo.appendVersion(a.id(), v, by, "import", ArticleRepository.content(a), changed);
    repo.audit(a.id(), by, existing.isPresent() ? "import-update" : "import-add", a.title());
    sync.applyLater(d);
    return existing.isEmpty();
  }

  /**
   * Publishes imported articles (kb import, QnA import, demo seed) and waits until they are
   * searchable. Ids new to the store go in bulk, three store writes per {@link #IMPORT_BATCH}
   * articles; an id already there becomes a new version of its article, with its diff. Returns how
   * many were added; the rest were updated. Blocking.
   */
  int importAllBlocking(String by, List<ArticleInput> inputs) {
    Set<String> existing = repo.existingIds(inputs.stream().map(ArticleInput::id).toList());
    List<ArticleInput> fresh = new ArrayList<>();
    for (ArticleInput a : inputs) {
      if (existing.contains(a.id())) {
        importPublishedBlocking(by, a);
        continue;
      }
      fresh.add(a);
      if (fresh.size() == IMPORT_BATCH) {
        importNew(by, fresh);
        fresh.clear();
      }
    }
    importNew(by, fresh);
    awaitImportedBlocking();
    return inputs.size() - existing.size();
  }

  private void importNew(String by, List<ArticleInput> fresh) {
    for (Document d : repo.insertPublished(fresh, by)) {
      cache.forget(d.getString("_id"), ArticleRepository.count(d, "seq"));
      sync.applyLater(d);
    }
  }

  /** Blocks until every article imported so far is searchable. */
  private void awaitImportedBlocking() {
    sync.awaitApplied();
  }
}
