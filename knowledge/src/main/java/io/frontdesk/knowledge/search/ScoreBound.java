package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.index.ArticleIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query that matches the same documents as the ranking query and scores each at least as high:
 * every field-max disjunction ({@code max + tie * others}, tie at most 1) over title, tags and body
 * is split in two, a field-max disjunction of its title and tags parts plus one of its body parts,
 * and sums of sums are flattened into one. (For any split of the parts into groups, the sum of the
 * groups' field-max scores is at least the whole's: the maxima add up to at least the overall
 * maximum, and the tie-broken rest is no larger.)
 *
 * <p>Why: a field-max disjunction gives Lucene's dynamic pruning a poor bound. Its best possible
 * score is its best field's (the title, boosted three times), even in the many documents that only
 * have the word in the body, so for common words almost every document stays a candidate. Split,
 * the sparse title and tag postings carry the high bound and the dense body postings a low one, so
 * the top hits can be found by visiting the few documents that might beat them. {@link TopHits}
 * searches with this bound and ranks every document it keeps by its exact score.
 */
final class ScoreBound {
  private ScoreBound() {}

  /**
   * A query's parts as one sum: {@code bound} when a field-max disjunction over both field groups
   * was split (the sum is then a bound to rescore against), else the same score summed in another
   * order. A query with one part is itself. The production ranking, whose words are already a
   * title-and-tags group plus a body group ({@code RelevanceModel.splitBody}), is no bound: it is
   * searched as this sum, with no rescoring.
   */
  record Sum(Query query, boolean bound) {}

  /** {@code query} flattened once, for {@link TopHits} to search as it is or as a bound. */
  static Sum sum(Query query) {
    List<Query> parts = new ArrayList<>();
    boolean split = flatten(query, 1f, parts);
    if (parts.size() <= 1) {
      return new Sum(query, split);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query p : parts) {
      b.add(p, BooleanClause.Occur.SHOULD);
    }
    return new Sum(b.build(), split);
  }

  /** The flattened bound, or {@code query} itself when there is nothing to split. */
  static Query of(Query query) {
    Sum s = sum(query);
    return s.bound() ? s.query() : query;
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
      List<Query> body = new ArrayList<>();
      List<Query> rest = new ArrayList<>();
      for (Query d : dm.getDisjuncts()) {
        (onlyBody(d) ? body : rest).add(d);
      }
      if (body.isEmpty() || rest.isEmpty()) {
        out.add(boost == 1f ? q : new BoostQuery(q, boost));
        return false;
      }
      group(rest, dm.getTieBreakerMultiplier(), boost, out);
      group(body, dm.getTieBreakerMultiplier(), boost, out);
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

  private static void group(List<Query> disjuncts, float tie, float boost, List<Query> out) {
    Query g = disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, tie);
    out.add(boost == 1f ? g : new BoostQuery(g, boost));
  }

  /** Whether every term of {@code q} is in the body field. */
  private static boolean onlyBody(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    return !terms.isEmpty()
        && terms.stream()
            .allMatch(
                t ->
                    t.field().equals(ArticleIndex.BODY)
                        || t.field().equals(ArticleIndex.BODY_PAIRS));
  }

  /** A disjunction whose score is the sum of its clauses' and that matches their union. */
  static boolean pureSum(BooleanQuery b) {
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
