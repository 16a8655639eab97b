package io.frontdesk.knowledge.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Whether one (live) document matches a query, for the coverage part of the confidence decision:
 * does the top article match each concept of the question. Term queries and the ways the query
 * builder combines them (boosts, field-max disjunctions, boolean clauses) are answered from the
 * document's segment's postings directly; anything else (a phrase) through its weight's scorer, as
 * before. Why: a weight and scorers per concept (with the query cache's wrapper around each) were a
 * twentieth of a search's CPU and allocation for what is a few term look-ups (docs/BENCHMARKS.md,
 * "Portal search, sixth pass"). The answer is the same: these are the matching rules of the queries
 * themselves.
 */
final class DocMatch {
  private final TermLookup terms;
  private final IndexSearcher searcher;
  private final LeafReaderContext leaf;
  private final int doc;

  /** Reused from term to term (Lucene makes a new one where a field's postings differ). */
  private PostingsEnum postings;

  /**
   * {@code doc} is the document's number within {@code leaf}; the term states and enumerators come
   * from the search's own look-ups.
   */
  DocMatch(TermLookup terms, LeafReaderContext leaf, int doc) {
    this.terms = terms;
    this.searcher = terms.searcher();
    this.leaf = leaf;
    this.doc = doc;
  }

  boolean matches(Query q) throws IOException {
    if (q instanceof BoostQuery b) {
      return matches(b.getQuery());
    }
    if (q instanceof TermQuery t) {
      return holds(t.getTerm());
    }
    if (q instanceof MatchNoDocsQuery) {
      return false;
    }
    if (q instanceof DisjunctionMaxQuery d) {
      for (Query x : d.getDisjuncts()) {
        if (matches(x)) {
          return true;
        }
      }
      return false;
    }
    if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      return matchesAll(b);
    }
    Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer s = w.scorer(leaf);
    return s != null && s.iterator().advance(doc) == doc;
  }

  /**
   * Boolean matching: every required clause and no prohibited one; the optional clauses matter only
   * when nothing is required, and then one must match.
   */
  private boolean matchesAll(BooleanQuery b) throws IOException {
    boolean required = false;
    for (BooleanClause c : b.clauses()) {
      BooleanClause.Occur o = c.getOccur();
      if (o == BooleanClause.Occur.MUST || o == BooleanClause.Occur.FILTER) {
        required = true;
        if (!matches(c.getQuery())) {
          return false;
        }
      } else if (o == BooleanClause.Occur.MUST_NOT && matches(c.getQuery())) {
        return false;
      }
    }
    if (required) {
      return true;
    }
    for (BooleanClause c : b.clauses()) {
      if (c.getOccur() == BooleanClause.Occur.SHOULD && matches(c.getQuery())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the document holds the term: the segment's state of the term, known from the search's
   * look-ups (no seek in the term dictionary), and one postings enumerator reused.
   */
  private boolean holds(Term t) throws IOException {
    TermState state = terms.state(t, leaf);
    if (state == null) {
      return false;
    }
    TermsEnum te = terms.enumerator(t.field(), leaf);
    te.seekExact(t.bytes(), state);
    postings = te.postings(postings, PostingsEnum.NONE);
    return postings.advance(doc) == doc;
  }
}
