package io.frontdesk.knowledge.search;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 whose term scorers are kept and handed out again for the same statistics. Why: every weight
 * of every search made a new scorer per term (a 256-float table of length normalisations and the
 * IDF's explanation, about a kilobyte), and a search makes two weights of each term (the bound and
 * the exact one in {@link TopHits}); those tables were a twentieth of what a portal search page
 * allocated (docs/BENCHMARKS.md, "Portal search, sixth pass"). A one-term BM25 scorer depends only
 * on the boost, the term's document frequency and the field's document count and total length (plus
 * k1 and b, fixed per instance), so the same key gives an equal scorer: scores do not change.
 * Scorers are immutable, so threads share them. Scorers of several terms (phrases) are not kept.
 */
final class ReusedScorers extends Similarity {
  /** At about a kilobyte a scorer, a few megabytes at most; emptied when full. */
  private static final int MAX_SCORERS = 4096;

  /** What a BM25 scorer is computed from. */
  private static final class Key {
    private final float boost;
    private final long docCount;
    private final long sumTotalTermFreq;
    private final long[] docFreqs;
    private final int hash;

    Key(float boost, CollectionStatistics field, TermStatistics[] terms) {
      this.boost = boost;
      this.docCount = field.docCount();
      this.sumTotalTermFreq = field.sumTotalTermFreq();
      this.docFreqs = new long[terms.length];
      for (int i = 0; i < terms.length; i++) {
        docFreqs[i] = terms[i].docFreq();
      }
      this.hash =
          31
                  * (31 * (31 * Float.hashCode(boost) + Long.hashCode(docCount))
                      + Long.hashCode(sumTotalTermFreq))
              + Arrays.hashCode(docFreqs);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Float.compare(k.boost, boost) == 0
          && k.docCount == docCount
          && k.sumTotalTermFreq == sumTotalTermFreq
          && Arrays.equals(k.docFreqs, docFreqs);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final BM25Similarity bm25;
  private final Map<Key, SimScorer> scorers = new ConcurrentHashMap<>();

  ReusedScorers(BM25Similarity bm25) {
    this.bm25 = bm25;
  }

  @Override
  public long computeNorm(FieldInvertState state) {
    return bm25.computeNorm(state);
  }

  @Override
  public SimScorer scorer(
      float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
    Key key = new Key(boost, collectionStats, termStats);
    SimScorer s = scorers.get(key);
    if (s == null) {
      s = bm25.scorer(boost, collectionStats, termStats);
      if (scorers.size() >= MAX_SCORERS) {
        // The index changed (new counts in every key) or the questions range widely: start again.
        scorers.clear();
      }
      scorers.put(key, s);
    }
    return s;
  }

  @Override
  public String toString() {
    return bm25.toString();
  }
}
