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
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
      String t = w.replaceAll("^'+|'+$", "");
      if (t.length() > 1 && !STOP.contains(t)) {
        out.add(t);
      }
    }
    return out;
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
