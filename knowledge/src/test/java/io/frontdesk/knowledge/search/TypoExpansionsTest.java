package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A word missing from the index expands to the vocabulary terms one edit away when there are any,
 * and to those two edits away only when there are none.
 */
class TypoExpansionsTest {
  static ArticleIndex index;

  @BeforeAll
  static void build() {
    index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
    index.addAll(
        List.of(
            article("a1", "Reset your password", "Change the password from the portal."),
            article("a2", "Outlook will not sync", "Restart Outlook and check the outlet."),
            article("a3", "Printer queue", "Clear the printer queue and restart it.")));
    index.awaitSearchable(index.latestGeneration());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static IndexedArticle article(String id, String title, String body) {
    return new IndexedArticle(id, title, List.of(), body, "IT", Audience.STAFF, 1);
  }

  static Set<String> terms(List<Query> expansions) {
    Set<String> out = new HashSet<>();
    expansions.forEach(q -> out.addAll(Snippets.terms(q)));
    return out;
  }

  @Test
  void oneEditNeighboursLeaveOutTheTwoEditOnes() {
    IndexSearcher searcher = index.acquire();
    try {
      // "outlok" is one edit from "outlook" and two from "outlet".
      List<Query> near =
          new TypoExpansions()
              .nearest(searcher, List.of(ArticleIndex.TITLE, ArticleIndex.BODY), "outlok", 2);
      assertThat(near).hasSize(2);
      assertThat(terms(near)).contains("outlook").doesNotContain("outlet");
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void twoEditsOnlyWhenNothingIsOneEditAway() {
    IndexSearcher searcher = index.acquire();
    try {
      // "otlok" is two edits from "outlook": nothing in the index is one edit away.
      List<Query> near =
          new TypoExpansions()
              .nearest(searcher, List.of(ArticleIndex.TITLE, ArticleIndex.BODY), "otlok", 2);
      assertThat(terms(near)).contains("outlook");
      // A field with no term that near says so.
      List<Query> none =
          new TypoExpansions().nearest(searcher, List.of(ArticleIndex.TITLE), "zzqxw", 2);
      assertThat(none).singleElement().isInstanceOf(MatchNoDocsQuery.class);
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void aMisspelledQueryStillFindsTheArticle() {
    Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
    SearchEngine engine =
        new SearchEngine(index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
    List<SearchHit> hits = engine.search("reset pasword", Audience.STAFF, 3, null, true).hits();
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).id()).isEqualTo("a1");
  }
}
