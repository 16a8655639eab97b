package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
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

  private record NearestKey(List<String> fields, String word, int maxEdits) {}

  /** One reader's expansions: both maps are replaced together when the reader changes. */
  private record Caches(Map<Key, Query> single, Map<NearestKey, List<Query>> nearest) {
    Caches() {
      this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }

  private IndexReader reader;
  private Caches caches = new Caches();

  /** The rewritten {@link FuzzyQuery} (first letter fixed, at most 20 terms). */
  Query expand(IndexSearcher searcher, String field, String word, int edits) {
    Map<Key, Query> current = forReader(searcher.getIndexReader()).single();
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

  /**
   * The expansion of {@code word} in each of {@code fields}, nearest first: the terms one edit away
   * when any field has one, and only when none has, those up to {@code maxEdits} away. Why: a
   * two-edit expansion of a word with one-edit neighbours ("pasword": "password", but also
   * "passwords", "sword", "pastword"...) added up to twenty more rare terms per field, each a
   * posting list to score, for matches that are almost never the one meant; those were the slowest
   * searches (docs/BENCHMARKS.md, "Knowledge speed, fifth pass"). An element is {@link
   * MatchNoDocsQuery} where a field has no term that near.
   */
  List<Query> nearest(IndexSearcher searcher, List<String> fields, String word, int maxEdits) {
    Map<NearestKey, List<Query>> current = forReader(searcher.getIndexReader()).nearest();
    NearestKey key = new NearestKey(fields, word, maxEdits);
    List<Query> out = current.get(key);
    if (out == null) {
      out = List.of();
      for (int edits = 1; edits <= maxEdits; edits++) {
        List<Query> found = new ArrayList<>(fields.size());
        boolean any = false;
        for (String field : fields) {
          Query q = expand(searcher, field, word, edits);
          any |= !(q instanceof MatchNoDocsQuery);
          found.add(q);
        }
        out = List.copyOf(found);
        if (any) {
          break;
        }
      }
      if (current.size() < MAX_ENTRIES) {
        current.put(key, out);
      }
    }
    return out;
  }

  private synchronized Caches forReader(IndexReader r) {
    if (r != reader) {
      reader = r;
      caches = new Caches();
    }
    return caches;
  }

  private static Query rewrite(IndexSearcher searcher, Query q) {
    try {
      return searcher.rewrite(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
