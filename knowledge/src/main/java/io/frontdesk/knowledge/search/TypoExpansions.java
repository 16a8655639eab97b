package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The fuzzy expansion of a word missing from the index, per field, kept until the index changes:
 * walking the term dictionary with a Levenshtein automaton was a tenth of a search's CPU time, and
 * the same misspellings come back ("pasword", "outlok"). The expansion depends on the terms of one
 * reader, so the cache starts again whenever a search comes with another one.
 */
final class TypoExpansions {
  private static final int MAX_ENTRIES = 10_000;

  private record Key(String field, String word, int edits) {}

  private IndexReader reader;
  private Map<Key, Query> cache = new ConcurrentHashMap<>();

  /** The rewritten {@link FuzzyQuery} (first letter fixed, at most 20 terms). */
  Query expand(IndexSearcher searcher, String field, String word, int edits) {
    Map<Key, Query> current = forReader(searcher.getIndexReader());
    Key key = new Key(field, word, edits);
    Query q = current.get(key);
    if (q == null) {
      q = rewrite(searcher, new FuzzyQuery(new Term(field, word), edits, 1, 20, true));
      if (current.size() < MAX_ENTRIES) {
        current.put(key, q);
      }
    }
    return q;
  }

  private synchronized Map<Key, Query> forReader(IndexReader r) {
    if (r != reader) {
      reader = r;
      cache = new ConcurrentHashMap<>();
    }
    return cache;
  }

  private static Query rewrite(IndexSearcher searcher, Query q) {
    try {
      return searcher.rewrite(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
