package io.frontdesk.desk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written tokenizer splits exactly as the regular expressions it replaced. */
class WordsTest {
  /** The former implementation, kept here as the specification. */
  static List<String> byRegex(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
      String t = w.replaceAll("^'+|'+$", "");
      if (t.length() > 1 && !List.of("the", "can't", "it's", "my", "is").contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void tokensAreLowerCaseWordsWithoutStopWordsOrEdgeApostrophes() {
    assertThat(Words.tokens("The VPN can't connect: 'error' 0x80 on my Café-laptop, it's slow!!"))
        .containsExactly("vpn", "connect", "error", "0x80", "caf", "laptop", "slow");
    assertThat(Words.tokens(null)).isEmpty();
    assertThat(Words.tokens("'' a ' x'' ''yz''")).containsExactly("yz");
  }

  @Test
  void randomTextSplitsAsTheRegularExpressionsDid() {
    String alphabet = "abcXYZ019 '-_.,é\n\tİ";
    Random rnd = new Random(3);
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder();
      for (int c = rnd.nextInt(40); c > 0; c--) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = b.toString();
      List<String> expected = byRegex(text);
      expected.removeIf(t -> !Words.tokens(t).contains(t)); // the real stop list
      assertThat(Words.tokens(text)).as(text).isEqualTo(expected);
    }
  }
}
