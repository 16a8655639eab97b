package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coverage check's one-document match agrees with Lucene's own matching (a weight's scorer) for
 * every concept the query builder makes: words, synonyms as pair terms with their words as filters,
 * the tags' phrases, typo expansions, and words in no article.
 */
class DocMatchTest {
  static ArticleIndex index;
  static Synonyms synonyms;

  @BeforeAll
  static void build() {
    index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
    index.addAll(
        List.of(
            article(
                "a1", "Map a network drive", List.of("drives"), "Open Explorer, map the drive."),
            article(
                "a2",
                "Network printer drivers",
                List.of("printer", "network drive"),
                "Install the drive, then check that the printer is on the network."),
            article("a3", "Share a folder", List.of(), "Right-click the folder and choose share."),
            article("a4", "Reset your password", List.of("account"), "Use the portal to reset."),
            article("a5", "Outlook will not sync", List.of(), "Restart Outlook, then sync.")));
    index.awaitSearchable(index.latestGeneration());
    synonyms = new Synonyms(Synonyms.defaults(), index.analyzer());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static IndexedArticle article(String id, String title, List<String> tags, String body) {
    return new IndexedArticle(id, title, tags, body, "IT", Audience.STAFF, 1);
  }

  @Test
  void everyConceptMatchesTheDocumentsLuceneMatches() throws Exception {
    IndexSearcher searcher = index.acquire();
    try {
      QueryBuilder builder = new QueryBuilder(index.analyzer(), RelevanceModel.PRODUCTION);
      int checked = 0;
      int matched = 0;
      TermLookup terms = new TermLookup(searcher);
      for (String question :
          List.of(
              "how do I map a network drive",
              "share my folder",
              "pasword reset",
              "outlok will not sync",
              "printer drivers on the network",
              "zebra quantum")) {
        for (QueryBuilder.Concept c : builder.build(question, synonyms, terms).concepts()) {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              boolean expected = lucene(searcher, c.query(), leaf, doc);
              assertThat(new DocMatch(terms, leaf, doc).matches(c.query()))
                  .as("%s: %s in doc %d", question, c.forms(), doc)
                  .isEqualTo(expected);
              checked++;
              matched += expected ? 1 : 0;
            }
          }
        }
      }
      // Both answers were asked for: matching and not.
      assertThat(matched).isPositive().isLessThan(checked);
    } finally {
      index.release(searcher);
    }
  }

  private static boolean lucene(IndexSearcher searcher, Query q, LeafReaderContext leaf, int doc)
      throws Exception {
    Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer s = w.scorer(leaf);
    return s != null && s.iterator().advance(doc) == doc;
  }
}
