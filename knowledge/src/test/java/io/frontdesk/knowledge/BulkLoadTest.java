package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexSync;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path end to end: articles written to the store in batches, then an index rebuilt from
 * the store at start (streamed, Markdown rendered on the indexing threads) that holds every one.
 */
class BulkLoadTest {
  @Test
  void bulkStoreWriteThenRebuildFromTheStore(@TempDir Path dir) throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      ArticleRepository repo = new ArticleRepository(store.database());
      repo.init();
      List<ArticleInput> batch = new ArrayList<>();
      for (int i = 0; i < 700; i++) {
        batch.add(
            new ArticleInput(
                "bulk-" + i,
                "Article " + i + (i == 400 ? " about the zanzibar printer" : ""),
                "Some **bold** text for article " + i + ".\n\n- a list item",
                List.of("bulk"),
                "Service",
                i % 3 == 0 ? Audience.SCHOOLS : Audience.ALL,
                Optional.empty()));
        if (batch.size() == 300) {
          repo.insertPublished(batch, "loader");
          batch.clear();
        }
      }
      repo.insertPublished(batch, "loader");

      Set<Long> seqs = new HashSet<>();
      for (Document d : repo.all()) {
        seqs.add(ArticleRepository.count(d, "seq"));
      }
      assertThat(seqs).hasSize(700);
      assertThat(repo.currentSeq()).isEqualTo(700);
      assertThat(repo.versions("bulk-5")).hasSize(1);
      assertThat(repo.auditOf("bulk-5"))
          .extracting(d -> d.getString("action"))
          .containsExactly("import-add");

      try (ArticleIndex index =
              ArticleIndex.open(
                  dir, new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
          IndexSync sync = new IndexSync(repo, index, new MarkdownRenderer(), false)) {
        sync.start();
        assertThat(index.size()).isEqualTo(700);
        assertThat(index.appliedSeq()).isEqualTo(700);
        // Rebuilt in bulk, the index is one segment: the bulk threads' segments are merged.
        IndexSearcher searcher = index.acquire();
        try {
          assertThat(searcher.getIndexReader().leaves()).hasSize(1);
        } finally {
          index.release(searcher);
        }
        Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
        SearchEngine engine =
            new SearchEngine(
                index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
        List<SearchHit> hits =
            engine.search("zanzibar printer", Audience.STAFF, 5, null, true).hits();
        assertThat(hits).extracting(SearchHit::id).first().isEqualTo("bulk-400");
        // The body was rendered from Markdown: no asterisks in what the reader sees.
        assertThat(hits.get(0).snippet()).contains("bold").doesNotContain("**");
      }
    }
  }

  private static ArticleInput article(String id) {
    return new ArticleInput(
        id,
        "Title of " + id,
        "Body of " + id,
        List.of(),
        "Service",
        Audience.ALL,
        Optional.empty());
  }

  @Test
  void aBulkWriteThatMeetsAnIdCreatedMeanwhileKeepsWhatWentInWholeAndNamesTheClash() {
    try (MongoStore store = TestStores.fresh()) {
      ArticleRepository repo = new ArticleRepository(store.database());
      repo.init();
      repo.insertPublished(List.of(article("taken")), "someone-else");

      assertThatThrownBy(
              () ->
                  repo.insertPublished(
                      List.of(article("first"), article("taken"), article("after")), "loader"))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.getMessage()).contains("'taken'", "import again");
              });
      // What went in is whole (article, first version, audit entry): MongoDB stops an ordered
      // insert at the clash, the embedded store carries on past it.
      assertThat(repo.find("first")).isPresent();
      assertThat(repo.versions("first")).hasSize(1);
      assertThat(repo.auditOf("first")).hasSize(1);
      assertThat(repo.versions("after")).hasSize(repo.find("after").isPresent() ? 1 : 0);
      assertThat(repo.auditOf("after")).hasSize(repo.find("after").isPresent() ? 1 : 0);
      assertThat(repo.versions("taken"))
          .extracting(d -> d.getString("by"))
          .containsExactly("someone-else");
    }
  }
}
