package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** A kept scorer scores exactly as the one BM25 would have made for the same statistics. */
class ReusedScorersTest {
  private final BM25Similarity bm25 = new BM25Similarity(1.2f, 0.75f);
  private final ReusedScorers reused = new ReusedScorers(bm25);
  private final CollectionStatistics body =
      new CollectionStatistics("body", 10_000, 9_990, 2_000_000, 1_500_000);

  @Test
  void anotherTermWithTheSameCountsGetsTheSameScores() {
    Similarity.SimScorer first = reused.scorer(1.7f, body, term("printer", 120, 300));
    // Another word, as frequent: the scorer is the kept one, and scores as BM25's own.
    Similarity.SimScorer second = reused.scorer(1.7f, body, term("outlook", 120, 450));
    assertThat(second).isSameAs(first);
    Similarity.SimScorer fresh = bm25.scorer(1.7f, body, term("outlook", 120, 450));
    for (float freq : new float[] {1, 2, 7}) {
      for (long norm = 1; norm < 256; norm += 17) {
        assertThat(second.score(freq, norm)).isEqualTo(fresh.score(freq, norm));
      }
    }
  }

  @Test
  void otherCountsOrBoostsGetTheirOwn() {
    Similarity.SimScorer s = reused.scorer(1.7f, body, term("printer", 120, 300));
    assertThat(reused.scorer(1.7f, body, term("printer", 121, 300))).isNotSameAs(s);
    assertThat(reused.scorer(2.0f, body, term("printer", 120, 300))).isNotSameAs(s);
    CollectionStatistics grown =
        new CollectionStatistics("body", 10_001, 9_991, 2_000_100, 1_500_050);
    assertThat(reused.scorer(1.7f, grown, term("printer", 120, 300))).isNotSameAs(s);
    assertThat(reused.scorer(1.7f, grown, term("printer", 120, 300)).score(3, 40))
        .isEqualTo(bm25.scorer(1.7f, grown, term("printer", 120, 300)).score(3, 40));
  }

  @Test
  void aPhraseIsKeptByItsTermsCountsInOrder() {
    TermStatistics a = term("share", 40, 60);
    TermStatistics b = term("folder", 900, 2_000);
    Similarity.SimScorer ab = reused.scorer(1f, body, a, b);
    assertThat(reused.scorer(1f, body, term("map", 40, 50), term("drive", 900, 1_000)))
        .isSameAs(ab);
    assertThat(reused.scorer(1f, body, b, a)).isNotSameAs(ab);
    assertThat(ab.score(2, 30)).isEqualTo(bm25.scorer(1f, body, a, b).score(2, 30));
  }

  private static TermStatistics term(String text, long docFreq, long totalTermFreq) {
    return new TermStatistics(new BytesRef(text), docFreq, totalTermFreq);
  }
}
