package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Runs the ranking query for the top hits, with the audience filter (and an excluded article)
 * applied as the documents a scorer may accept instead of as query clauses.
 *
 * <p>Why: Lucene runs a query made only of SHOULD clauses with its MaxScore bulk scorer, which
 * skips documents that cannot reach the current top hits far better than the conjunction of a WAND
 * disjunction with a filter clause that a FILTER clause turns it into (at 100k articles that
 * conjunction scored most of the index for every question). The scores and the order are the same:
 * the filter never scored, and statistics come from the whole index either way. The top hits are
 * not counted in full either (a total-hits threshold of the page size), so pruning starts with the
 * first page's worth of hits rather than after a thousand.
 *
 * <p>The audience of a document never changes within a segment (an edit is a new document), so each
 * segment's audience bits are computed once and dropped when Lucene closes the segment.
 */
final class TopHits {

  private final Map<Object, Map<Audience, FixedBitSet>> audienceBits = new ConcurrentHashMap<>();
  private final BlockMaxes blockMaxes;

  TopHits() {
    this(true);
  }

  /** With {@code blockMaxes} false, Lucene's own term queries (developer comparisons). */
  TopHits(boolean blockMaxes) {
    this.blockMaxes = blockMaxes ? new BlockMaxes() : null;
  }

  /** The top {@code n} documents for {@code query} that {@code audience} may see. */
  TopDocs search(IndexSearcher searcher, Query query, int n, Audience audience, String exclude)
      throws IOException {
    return search(new TermLookup(searcher), query, n, audience, exclude);
  }

  /** The same, with the search's own term look-ups, whose enumerators open the postings. */
  TopDocs search(TermLookup terms, Query query, int n, Audience audience, String exclude)
      throws IOException {
    IndexSearcher searcher = terms.searcher();
    ScoreBound.Sum sum = ScoreBound.sum(query);
    if (!sum.bound()) {
      return exact(terms, sum.query(), n, audience, exclude);
    }
    Weight boundWeight =
        searcher.createWeight(searcher.rewrite(sum.query()), ScoreMode.TOP_SCORES, 1f);
    Weight exactWeight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    Rescorer top = new Rescorer(n);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      BulkScorer scorer = boundWeight.bulkScorer(leaf);
      Scorer exact = scorer == null ? null : exactWeight.scorer(leaf);
      if (exact != null) {
        scorer.score(top.leaf(leaf.docBase, exact), accepted(leaf, audience, exclude));
      }
    }
    return top.topDocs();
  }

  /** The plain path, for a query with no field-max disjunction to bound. */
  private TopDocs exact(TermLookup terms, Query query, int n, Audience audience, String exclude)
      throws IOException {
    IndexSearcher searcher = terms.searcher();
    Query rewritten = searcher.rewrite(query);
    if (blockMaxes != null) {
      rewritten = BlockMaxTermQuery.of(rewritten, blockMaxes, terms);
    }
    Weight weight = searcher.createWeight(rewritten, ScoreMode.TOP_SCORES, 1f);
    // One collector on this thread: no accumulator shared between slices (its atomic updates were
    // a hundredth of a search).
    TopScoreDocCollector collector =
        new TopScoreDocCollectorManager(n, null, n, false).newCollector();
    collector.setWeight(weight);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafCollector lc;
      try {
        lc = collector.getLeafCollector(leaf);
      } catch (CollectionTerminatedException e) {
        continue;
      }
      BulkScorer scorer = weight.bulkScorer(leaf);
      if (scorer != null) {
        try {
          scorer.score(lc, accepted(leaf, audience, exclude));
        } catch (CollectionTerminatedException e) {
          // this leaf has nothing more to offer the collector
        }
      }
      lc.finish();
    }
    return collector.topDocs();
  }

  /**
   * Keeps the top {@code n} by exact score of the documents the bound's scorer visits, and tells
   * that scorer the lowest score still worth visiting (the n-th exact score, less a margin for the
   * rounding of float sums, since the bound may be summed in a different order). Ties go to the
   * lower document, as in Lucene's own collector.
   */
  private static final class Rescorer {
    private final HitQueue queue;
    private ScoreDoc bottom;

    /** The lowest bound that can still beat the n-th exact score (0 until n are kept). */
    private float floor;

    Rescorer(int n) {
      queue = new HitQueue(n, true);
      bottom = queue.top();
    }

    LeafCollector leaf(int docBase, Scorer exact) {
      DocIdSetIterator it = exact.iterator();
      return new LeafCollector() {
        private Scorable bound;

        @Override
        public void setScorer(Scorable scorer) {
          bound = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          // The scorer may hand over a document whose bound is already below the floor (it
          // stops checking once every clause is summed); its exact score cannot be higher.
          if (floor > 0 && bound.score() < floor) {
            return;
          }
          int at = it.docID() < doc ? it.advance(doc) : it.docID();
          if (at != doc) {
            return;
          }
          float score = exact.score();
          if (score <= bottom.score) {
            return;
          }
          bottom.doc = docBase + doc;
          bottom.score = score;
          bottom = queue.updateTop();
          if (bottom.score > 0 && bottom.score != Float.NEGATIVE_INFINITY) {
            floor = bottom.score * (1 - 1e-5f);
            bound.setMinCompetitiveScore(floor);
          }
        }
      };
    }

    TopDocs topDocs() {
      while (queue.size() > 0 && queue.top().score == Float.NEGATIVE_INFINITY) {
        queue.pop();
      }
      ScoreDoc[] docs = new ScoreDoc[queue.size()];
      for (int i = docs.length - 1; i >= 0; i--) {
        docs[i] = queue.pop();
      }
      return new TopDocs(
          new TotalHits(docs.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), docs);
    }
  }

  private Bits accepted(LeafReaderContext leaf, Audience audience, String exclude)
      throws IOException {
    LeafReader reader = leaf.reader();
    FixedBitSet visible = visible(reader, audience);
    Bits live = reader.getLiveDocs();
    int excluded = exclude == null ? -1 : docOf(reader, exclude);
    if (live == null && excluded < 0) {
      return visible;
    }
    return new Bits() {
      @Override
      public boolean get(int doc) {
        return visible.get(doc) && (live == null || live.get(doc)) && doc != excluded;
      }

      @Override
      public int length() {
        return visible.length();
      }
    };
  }

  private FixedBitSet visible(LeafReader reader, Audience audience) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return compute(reader).get(audience);
    }
    Object key = helper.getKey();
    Map<Audience, FixedBitSet> bits = audienceBits.get(key);
    if (bits == null) {
      bits = compute(reader);
      if (audienceBits.putIfAbsent(key, bits) == null) {
        helper.addClosedListener(audienceBits::remove);
      }
    }
    return bits.get(audience);
  }

  /** Per reader audience, the documents of this segment it may see. */
  private static Map<Audience, FixedBitSet> compute(LeafReader reader) throws IOException {
    Map<Audience, FixedBitSet> out = new EnumMap<>(Audience.class);
    Terms terms = reader.terms(ArticleIndex.AUDIENCE);
    for (Audience r : Audience.values()) {
      FixedBitSet bits = new FixedBitSet(reader.maxDoc());
      if (terms != null) {
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        for (Audience stored : r.visible()) {
          if (te.seekExact(new BytesRef(stored.wire()))) {
            pe = te.postings(pe, PostingsEnum.NONE);
            bits.or(pe);
          }
        }
      }
      out.put(r, bits);
    }
    return out;
  }

  /** The document of article {@code id} in this segment, or -1 (deleted copies included). */
  private static int docOf(LeafReader reader, String id) throws IOException {
    Terms terms = reader.terms(ArticleIndex.ID);
    if (terms == null) {
      return -1;
    }
    TermsEnum te = terms.iterator();
    if (!te.seekExact(new Term(ArticleIndex.ID, id).bytes())) {
      return -1;
    }
    PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
    Bits live = reader.getLiveDocs();
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
      if (live == null || live.get(d)) {
        return d;
      }
    }
    return -1;
  }
}
