package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The terms of one question's query, each looked up in the term dictionary once. Why: a search
 * built its term queries bare, so every weight made from them seeks each term again: the query
 * builder (is the word known, how rare is it), the bound and the exact weight of {@link TopHits},
 * and the coverage check, three or four seeks per term for some forty terms of a question with
 * synonyms. A term query that carries its {@link TermStates} reuses them in every weight of the
 * same reader. One instance per query, on one thread.
 *
 * <p>The look-ups share one terms enumerator per field and segment instead of {@link
 * TermStates#build}'s new one per term (with its frames, arcs and input clones, a task per segment
 * on top): those were a sixth of all the bytes a portal search page allocated (docs/BENCHMARKS.md,
 * "Portal search, sixth pass"). The statistics registered are the same (each segment's docFreq and
 * totalTermFreq of the term), so scores do not change.
 */
final class TermLookup {
  private final IndexSearcher searcher;
  private final IndexReaderContext top;
  private final List<LeafReaderContext> leaves;
  private final Map<Term, TermStates> states = new HashMap<>();

  /** Per field, each segment's enumerator ({@link TermsEnum#EMPTY} where it lacks the field). */
  private final Map<String, TermsEnum[]> enums = new HashMap<>();

  TermLookup(IndexSearcher searcher) {
    this.searcher = searcher;
    this.top = searcher.getTopReaderContext();
    this.leaves = top.leaves();
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** A term query that brings its looked-up statistics. */
  TermQuery query(String field, String text) {
    Term t = new Term(field, text);
    return new TermQuery(t, states(t));
  }

  /** How many documents hold the term (deleted ones too, until a merge drops them). */
  int docFreq(String field, String text) {
    return states(new Term(field, text)).docFreq();
  }

  /** The term's state in one segment, or null where the segment does not hold it. */
  TermState state(Term t, LeafReaderContext leaf) throws IOException {
    return states(t).get(leaf);
  }

  /**
   * The shared enumerator of {@code field} in {@code leaf}, for a caller to position with a state
   * from {@link #state} (each look-up seeks it afresh, so where it was left does not matter).
   */
  TermsEnum enumerator(String field, LeafReaderContext leaf) throws IOException {
    return enums(field)[leaf.ord];
  }

  private TermStates states(Term t) {
    TermStates s = states.get(t);
    if (s == null) {
      try {
        s = lookUp(t);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      states.put(t, s);
    }
    return s;
  }

  private TermsEnum[] enums(String field) throws IOException {
    TermsEnum[] perLeaf = enums.get(field);
    if (perLeaf == null) {
      perLeaf = new TermsEnum[leaves.size()];
      for (int i = 0; i < perLeaf.length; i++) {
        Terms terms = leaves.get(i).reader().terms(field);
        perLeaf[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
      }
      enums.put(field, perLeaf);
    }
    return perLeaf;
  }

  /** What {@code TermStates.build(searcher, t, true)} registers, through the shared enumerators. */
  private TermStates lookUp(Term t) throws IOException {
    TermStates s = new TermStates(top);
    TermsEnum[] perLeaf = enums(t.field());
    for (int i = 0; i < perLeaf.length; i++) {
      TermsEnum te = perLeaf[i];
      if (te.seekExact(t.bytes())) {
        s.register(te.termState(), leaves.get(i).ord, te.docFreq(), te.totalTermFreq());
      }
    }
    return s;
  }
}
