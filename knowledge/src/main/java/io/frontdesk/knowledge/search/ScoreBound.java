package io.frontdesk.knowledge.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

/**
 * A query that matches the same documents as the ranking query and scores each at least as high:
 * every field-max disjunction ({@code max + tie * others}, tie at most 1) is replaced by the plain
 * sum of its parts, and sums of sums are flattened into one.
 *
 * <p>Why: a field-max disjunction gives Lucene's dynamic pruning a poor bound. Its best possible
 * score is its best field's (the title, boosted three times), even in the many documents that only
 * have the word in the body, so for common words almost every document stays a candidate. Split
 * into parts, the rare title postings carry the high bound and the dense body postings a low one,
 * so the top hits can be found by visiting the few documents that might beat them. {@link TopHits}
 * searches with this bound and ranks every document it keeps by its exact score.
 */
final class ScoreBound {
  private ScoreBound() {}

  /** The flattened bound, or {@code query} itself when there is nothing to flatten. */
  static Query of(Query query) {
    List<Query> parts = new ArrayList<>();
    if (!flatten(query, 1f, parts)) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query p : parts) {
      b.add(p, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * Adds the parts whose sum bounds {@code q} (times {@code boost}) to {@code out}; true if
   * anything was split.
   */
  private static boolean flatten(Query q, float boost, List<Query> out) {
    if (q instanceof BoostQuery bq && bq.getBoost() >= 0) {
      return flatten(bq.getQuery(), boost * bq.getBoost(), out);
    }
    if (q instanceof DisjunctionMaxQuery dm
        && dm.getTieBreakerMultiplier() >= 0
        && dm.getTieBreakerMultiplier() <= 1) {
      for (Query d : dm.getDisjuncts()) {
        flatten(d, boost, out);
      }
      return true;
    }
    if (q instanceof BooleanQuery b && pureSum(b)) {
      boolean split = false;
      for (BooleanClause c : b.clauses()) {
        split |= flatten(c.getQuery(), boost, out);
      }
      return split;
    }
    out.add(boost == 1f ? q : new BoostQuery(q, boost));
    return false;
  }

  /** A disjunction whose score is the sum of its clauses' and that matches their union. */
  private static boolean pureSum(BooleanQuery b) {
    if (b.getMinimumNumberShouldMatch() > 0) {
      return false;
    }
    for (BooleanClause c : b.clauses()) {
      if (c.getOccur() != BooleanClause.Occur.SHOULD) {
        return false;
      }
    }
    return !b.clauses().isEmpty();
  }
}
