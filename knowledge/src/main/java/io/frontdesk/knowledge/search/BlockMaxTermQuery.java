package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermScorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A term query, for the clauses of a top-hits search, whose scorers bound their scores from {@link
 * BlockMaxes} instead of decoding impacts. It scores exactly as a {@link TermQuery} (the same
 * similarity, statistics, frequencies and norms); only the book-keeping of the best possible score
 * per block moves into a cache shared by searches. Only where Lucene's MaxScore drives the clauses
 * (a sum of several clauses): a lone term's scorer would be asked to skip by itself, which this one
 * does not do.
 */
final class BlockMaxTermQuery extends Query {
  private final TermQuery term;
  private final BlockMaxes cache;

  /**
   * The search's look-ups: their one terms enumerator per field and segment opens every clause's
   * postings (Lucene's term weight made a new enumerator, with its frames and arcs, per scorer).
   */
  private final TermLookup terms;

  private BlockMaxTermQuery(TermQuery term, BlockMaxes cache, TermLookup terms) {
    this.term = term;
    this.cache = cache;
    this.terms = terms;
  }

  /**
   * {@code query} (already rewritten) with the term clauses it sums, through boosts, field-max
   * disjunctions and sums, made block-bounded; any other query is returned as it is.
   */
  static Query of(Query query, BlockMaxes cache, TermLookup terms) {
    if (query instanceof BooleanQuery b && ScoreBound.pureSum(b) && b.clauses().size() > 1) {
      return sum(b, cache, terms);
    }
    return query;
  }

  private static Query clause(Query q, BlockMaxes cache, TermLookup terms) {
    if (q instanceof TermQuery t && t.getTermStates() != null) {
      return new BlockMaxTermQuery(t, cache, terms);
    }
    if (q instanceof BoostQuery bq) {
      Query inner = clause(bq.getQuery(), cache, terms);
      return inner == bq.getQuery() ? q : new BoostQuery(inner, bq.getBoost());
    }
    if (q instanceof DisjunctionMaxQuery dm) {
      List<Query> ds = new ArrayList<>();
      boolean changed = false;
      for (Query d : dm.getDisjuncts()) {
        Query c = clause(d, cache, terms);
        changed |= c != d;
        ds.add(c);
      }
      return changed ? new DisjunctionMaxQuery(ds, dm.getTieBreakerMultiplier()) : q;
    }
    if (q instanceof BooleanQuery b && ScoreBound.pureSum(b)) {
      return sum(b, cache, terms);
    }
    // Phrases, and sums with required clauses (which Lucene may drive as a conjunction), stay.
    return q;
  }

  private static Query sum(BooleanQuery b, BlockMaxes cache, TermLookup terms) {
    BooleanQuery.Builder out = new BooleanQuery.Builder();
    for (BooleanClause c : b.clauses()) {
      out.add(clause(c.getQuery(), cache, terms), BooleanClause.Occur.SHOULD);
    }
    return out.build();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    TermStates states = term.getTermStates();
    if (scoreMode != ScoreMode.TOP_SCORES
        || !states.wasBuiltFor(searcher.getTopReaderContext())
        || states.docFreq() == 0) {
      return term.createWeight(searcher, scoreMode, boost);
    }
    Term t = term.getTerm();
    CollectionStatistics field = searcher.collectionStatistics(t.field());
    if (field == null) {
      return term.createWeight(searcher, scoreMode, boost);
    }
    TermStatistics stats = searcher.termStatistics(t, states.docFreq(), states.totalTermFreq());
    return new BlockMaxWeight(searcher, scoreMode, boost, states, stats, field);
  }

  private final class BlockMaxWeight extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private final TermStates states;
    private final TermStatistics stats;
    private final Similarity.SimScorer scorer;
    private final CollectionStatistics field;

    /**
     * The blocks' best scores are at boost 1: BM25 is linear in the boost, and the margin covers
     * the float rounding of computing it either way.
     */
    private final float scale;

    private Weight plain;

    BlockMaxWeight(
        IndexSearcher searcher,
        ScoreMode scoreMode,
        float boost,
        TermStates states,
        TermStatistics stats,
        CollectionStatistics field) {
      super(BlockMaxTermQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
      this.states = states;
      this.stats = stats;
      this.scorer = searcher.getSimilarity().scorer(boost, field, stats);
      this.field = field;
      this.scale = boost * (1 + 1e-5f);
    }

    private Weight plain() throws IOException {
      if (plain == null) {
        plain = term.createWeight(searcher, scoreMode, boost);
      }
      return plain;
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      TermState state = states.get(context);
      if (state == null) {
        return null;
      }
      Term t = term.getTerm();
      // A state for this segment means the segment has the field: never the empty enumerator.
      TermsEnum te = terms.enumerator(t.field(), context);
      te.seekExact(t.bytes(), state);
      if (te.docFreq() < BlockMaxes.MIN_DOCS) {
        // What Lucene's term weight gives a clause under MaxScore, from the shared enumerator.
        return new TermScorer(
            this,
            te.impacts(PostingsEnum.FREQS),
            new LeafSimScorer(scorer, context.reader(), t.field(), true),
            false);
      }
      BlockMaxes.Blocks blocks =
          cache.blocks(
              context.reader(),
              t,
              te,
              // Only when the blocks are computed: the statistics' scorer at boost 1.
              () -> searcher.getSimilarity().scorer(1f, field, stats),
              states.docFreq(),
              field.docCount(),
              field.sumTotalTermFreq());
      byte[] lengths = cache.norms(context.reader(), t.field());
      return new BlockMaxScorer(
          this,
          te.postings(null, PostingsEnum.FREQS),
          lengths,
          lengths == null ? context.reader().getNormValues(t.field()) : null,
          scorer,
          blocks,
          scale);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return plain().explain(context, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return true;
    }
  }

  /** Scores as Lucene's term scorer; bounds from the cached blocks. */
  private static final class BlockMaxScorer extends Scorer {
    private final PostingsEnum postings;
    private final byte[] lengths;
    private final NumericDocValues norms;
    private final Similarity.SimScorer scorer;
    private final int[] ends;
    private final float[] best;
    private final float[] bestFrom;
    private final float scale;

    /** The block of the last shallow advance. */
    private int block;

    BlockMaxScorer(
        Weight weight,
        PostingsEnum postings,
        byte[] lengths,
        NumericDocValues norms,
        Similarity.SimScorer scorer,
        BlockMaxes.Blocks blocks,
        float scale) {
      super(weight);
      this.postings = postings;
      this.lengths = lengths;
      this.norms = norms;
      this.scorer = scorer;
      this.ends = blocks.ends();
      this.best = blocks.best();
      this.bestFrom = blocks.bestFrom();
      this.scale = scale;
    }

    @Override
    public int docID() {
      return postings.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return postings;
    }

    @Override
    public float score() throws IOException {
      return scorer.score(postings.freq(), BlockMaxes.norm(lengths, norms, postings.docID()));
    }

    /** The first block at or after {@code block} that may hold {@code target} or later. */
    private int blockOf(int target, int from) {
      int b = from;
      while (b < ends.length && ends[b] < target) {
        b++;
      }
      return b;
    }

    @Override
    public int advanceShallow(int target) {
      if (block > 0 && target <= ends[block - 1]) {
        block = 0;
      }
      block = blockOf(target, block);
      return block < ends.length ? ends[block] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public float getMaxScore(int upTo) {
      // Documents before the current one cannot come any more: start from its block.
      int b = blockOf(Math.max(postings.docID(), 0), block);
      if (b >= ends.length) {
        return 0;
      }
      float m = best[b];
      for (int steps = 0; ends[b] < upTo && b + 1 < ends.length; steps++) {
        b++;
        if (steps == 8) {
          // A long way: the best of all the rest is a bound too.
          m = Math.max(m, bestFrom[b]);
          break;
        }
        m = Math.max(m, best[b]);
      }
      return m * scale;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    term.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return term.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && term.equals(((BlockMaxTermQuery) other).term);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + term.hashCode();
  }
}
