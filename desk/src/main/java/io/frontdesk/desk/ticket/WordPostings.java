package io.frontdesk.desk.ticket;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inverted index behind "similar tickets": each word to the working-set entries whose title or
 * description holds it. Why: scoring every open ticket of a desk against a text took 239 ms at the
 * median with a million tickets in the store; following the postings of the text's few words
 * touches only the tickets that share a word with it, and only those can score above zero.
 *
 * <p>Entries are keyed by identity: {@link WorkingSetIndex} adds an entry when it is indexed and
 * removes that same object when it is replaced, under the ticket's lock. A reader may meet an entry
 * just replaced; it checks the entry is still current before using it.
 */
final class WordPostings {
  private final ConcurrentHashMap<String, Set<WorkingSetEntry>> byWord = new ConcurrentHashMap<>();

  void add(WorkingSetEntry e) {
    for (String w : e.tokens()) {
      byWord.compute(
          w,
          (k, s) -> {
            Set<WorkingSetEntry> set = s == null ? ConcurrentHashMap.newKeySet() : s;
            set.add(e);
            return set;
          });
    }
  }

  void remove(WorkingSetEntry e) {
    for (String w : e.tokens()) {
      byWord.computeIfPresent(
          w,
          (k, s) -> {
            s.remove(e);
            return s.isEmpty() ? null : s;
          });
    }
  }

  /** Every entry that shares at least one of these words, with how many of them it holds. */
  Map<WorkingSetEntry, int[]> sharing(Set<String> words) {
    Map<WorkingSetEntry, int[]> out = new IdentityHashMap<>();
    for (String w : words) {
      Set<WorkingSetEntry> s = byWord.get(w);
      if (s != null) {
        for (WorkingSetEntry e : s) {
          out.computeIfAbsent(e, k -> new int[1])[0]++;
        }
      }
    }
    return out;
  }

  /** Distinct words indexed. */
  int words() {
    return byWord.size();
  }
}
