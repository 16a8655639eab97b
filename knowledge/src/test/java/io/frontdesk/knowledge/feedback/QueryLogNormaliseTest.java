package io.frontdesk.knowledge.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass normalisation of ASCII questions gives what the general one gives. */
class QueryLogNormaliseTest {

  /** The general rule, as the query log applied it to every question before. */
  private static String general(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ");
    return s.replaceAll("\\s+", " ").strip();
  }

  @Test
  void examples() {
    assertThat(QueryLog.normalise("Outlook won't SYNC!")).isEqualTo("outlook won't sync");
    assertThat(QueryLog.normalise("  reset\tmy   password?? ")).isEqualTo("reset my password");
    assertThat(QueryLog.normalise("Café wi-fi")).isEqualTo("cafe wi fi");
    assertThat(QueryLog.normalise("?!")).isEmpty();
  }

  @Test
  void asciiQuestionsNormaliseAsTheGeneralRuleDoes() {
    String alphabet = "abcXYZ019' \t\n\r-_.,!?/\\\"@#()[]{}~`^\u000b\f\u0001";
    Random rnd = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(24);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertThat(QueryLog.normaliseAscii(text)).as("%s", text).isEqualTo(general(text));
    }
    assertThat(QueryLog.normaliseAscii("café")).isNull();
  }
}
