package io.frontdesk.desk.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plain word handling shared by routing, tell-us-once and trends: lower-case word tokens without
 * common English stop words. Deliberately simple and predictable (documented in docs/DESK.md).
 */
public final class Words {
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "cannot", "can't", "do",
          "does", "for", "from", "has", "have", "i", "i'm", "in", "is", "it", "its", "it's", "me",
          "my", "not", "of", "on", "or", "our", "please", "so", "that", "the", "this", "to", "we",
          "when", "with", "won't", "you", "your", "hi", "hello", "thanks", "help", "any", "all",
          "get", "got", "been", "am", "was", "will", "just", "still", "there", "what");

  private Words() {}

  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    // A hand-written scan rather than split and replaceAll: this runs several times for every new
    // ticket and on every similar-tickets lookup, and the regular expressions were most of its
    // cost.
    String lower = text.toLowerCase(Locale.ROOT);
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !wordChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && wordChar(lower.charAt(i))) {
        i++;
      }
      // Apostrophes belong inside a word ("can't") but not at its ends.
      int from = start;
      int to = i;
      while (from < to && lower.charAt(from) == '\'') {
        from++;
      }
      while (to > from && lower.charAt(to - 1) == '\'') {
        to--;
      }
      if (to - from > 1) {
        String t = lower.substring(from, to);
        if (!STOP.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
  }

  public static Set<String> tokenSet(String text) {
    return new LinkedHashSet<>(tokens(text));
  }

  /**
   * Token-overlap similarity: |A ∩ B| / min(|A|, |B|) over distinct words (the overlap
   * coefficient), so a short new report that repeats most of an earlier one scores high.
   */
  public static double similarity(String a, String b) {
    Set<String> x = tokenSet(a);
    Set<String> y = tokenSet(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    long common = x.stream().filter(y::contains).count();
    return (double) common / Math.min(x.size(), y.size());
  }

  /** True if the phrase occurs in the text on word boundaries. */
  public static boolean containsPhrase(String lowerText, String lowerPhrase) {
    int i = lowerText.indexOf(lowerPhrase);
    while (i >= 0) {
      int end = i + lowerPhrase.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1));
      boolean endOk =
          end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = lowerText.indexOf(lowerPhrase, i + 1);
    }
    return false;
  }
}
