package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.eval.SyntheticCorpus;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pruned search (bound, rescoring, audience as accepted documents) must return exactly what
 * Lucene's plain search with a filter clause returns: the same documents, order and scores.
 */
class TopHitsTest {
  static ArticleIndex index;
  static List<IndexedArticle> docs = new ArrayList<>();
  static final Random RND = new Random(5);

  @BeforeAll
  static void build() {
    index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
    SyntheticCorpus corpus = new SyntheticCorpus();
    docs.addAll(corpus.articles(1200, RND));
    // Two batches and some replaced articles: several segments, with deleted documents.
    index.addAll(docs.subList(0, 600));
    index.commit();
    index.addAll(docs.subList(600, 1200));
    long gen = 0;
    for (int i = 0; i < 1200; i += 7) {
      gen = index.upsert(docs.get(i));
    }
    index.awaitSearchable(gen);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void sameTopHitsAsAFilteredLuceneSearch() throws Exception {
    // Production's concepts are sums of field groups: the query is flattened and run as it is.
    sameTopHits(RelevanceModel.PRODUCTION);
  }

  @Test
  void sameTopHitsThroughTheBoundAndRescoring() throws Exception {
    // One field-max disjunction per concept: candidates by the split bound, ranked exactly.
    sameTopHits(RelevanceModel.PRODUCTION.withSplitBody(0));
  }

  private void sameTopHits(RelevanceModel model) throws Exception {
    QueryBuilder builder = new QueryBuilder(index.analyzer(), model);
    Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
    TopHits top = new TopHits();
    IndexSearcher searcher = index.acquire();
    try {
      int compared = 0;
      for (int q = 0; q < 40; q++) {
        IndexedArticle target = docs.get(RND.nextInt(docs.size()));
        String text =
            q % 10 == 0 ? "wifi pwd lockd out of laptop" : SyntheticCorpus.question(target, RND);
        Query query = builder.build(text, syn, searcher).query();
        for (Audience audience : Audience.values()) {
          String exclude = q % 3 == 0 ? target.id() : null;
          TopDocs expected = plain(searcher, query, audience, exclude);
          TopDocs actual = top.search(searcher, query, 10, audience, exclude);
          assertThat(summary(actual)).as(text).isEqualTo(summary(expected));
          compared += expected.scoreDocs.length;
        }
      }
      assertThat(compared).isGreaterThan(250);
    } finally {
      index.release(searcher);
    }
  }

  private static TopDocs plain(IndexSearcher s, Query q, Audience audience, String exclude)
      throws Exception {
    List<BytesRef> visible = audience.visible().stream().map(a -> new BytesRef(a.wire())).toList();
    BooleanQuery.Builder b =
        new BooleanQuery.Builder()
            .add(q, BooleanClause.Occur.MUST)
            .add(new TermInSetQuery(ArticleIndex.AUDIENCE, visible), BooleanClause.Occur.FILTER);
    if (exclude != null) {
      b.add(new TermQuery(new Term(ArticleIndex.ID, exclude)), BooleanClause.Occur.MUST_NOT);
    }
    return s.search(b.build(), 10);
  }

  private static List<String> summary(TopDocs top) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      // Scores as shown to readers (3 decimals): the bound may sum floats in another order.
      out.add(d.doc + ":" + Math.round(d.score * 1000.0) / 1000.0);
    }
    return out;
  }
}
