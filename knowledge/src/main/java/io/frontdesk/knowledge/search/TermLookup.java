package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The terms of one question's query, each looked up in the term dictionary once. Why: a search
 * built its term queries bare, so every weight made from them seeks each term again: the query
 * builder (is the word known, how rare is it), the bound and the exact weight of {@link TopHits},
 * and the coverage check, three or four seeks per term for some forty terms of a question with
 * synonyms. A term query that carries its {@link TermStates} reuses them in every weight of the
 * same reader. One instance per query, on one thread.
 */
final class TermLookup {
  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states = new HashMap<>();

  TermLookup(IndexSearcher searcher) {
    this.searcher = searcher;
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

  private TermStates states(Term t) {
    TermStates s = states.get(t);
    if (s == null) {
      try {
        s = TermStates.build(searcher, t, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      states.put(t, s);
    }
    return s;
  }
}
