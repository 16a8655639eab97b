package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
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
  private final IndexSearcher searcher;
  private final LeafReaderContext leaf;
  private final int doc;
  private final Map<String, TermsEnum> enums = new HashMap<>();
  private final Map<String, PostingsEnum> postings = new HashMap<>();

  /** {@code doc} is the document's number within {@code leaf}. */
  DocMatch(IndexSearcher searcher, LeafReaderContext leaf, int doc) {
    this.searcher = searcher;
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

  /** Whether the document holds the term (one enumerator and postings per field, reused). */
  private boolean holds(Term t) throws IOException {
    TermsEnum te = enums.get(t.field());
    if (te == null) {
      Terms terms = leaf.reader().terms(t.field());
      te = terms == null ? TermsEnum.EMPTY : terms.iterator();
      enums.put(t.field(), te);
    }
    if (!te.seekExact(t.bytes())) {
      return false;
    }
    PostingsEnum pe = te.postings(postings.get(t.field()), PostingsEnum.NONE);
    postings.put(t.field(), pe);
    return pe.advance(doc) == doc;
  }
}
