package io.frontdesk.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The words kept at indexing find exactly what analysing the excerpt at search time found: the same
 * words at the same offsets, for any text, hostile and non-Latin included.
 */
class ExcerptWordsTest {
  final Analyzer analyzer = new KnowledgeAnalyzer();

  static final String[] TEXTS = {
    "Clear the Printer tray, then restart the printers. The printer's driver isn't installed.",
    "<script>alert('x')</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))",
    "Café Wi‑Fi 🚀 не работает; ŒUVRE Straße İstanbul ΣΊΣΥΦΟΣ 日本語のテキスト e-mail e‑mail",
    "Résumé naïve coöperate ﬁle ＦＵＬＬＷＩＤＴＨ 𝐁𝐨𝐥𝐝 \u0130 \u00df \u1e9e x\u0301",
    "```\ncode block\n```\n# Heading\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n",
    "VPN's down?? Can't log-in to O365 / MS Teams (error 0x80070005) — call 01234 567890.",
    "",
    "   ",
  };

  @Test
  void findsWhatAnalysisFinds() throws IOException {
    for (String text : TEXTS) {
      assertSameAsAnalysis(text);
    }
    Random rnd = new Random(7);
    String alphabet = "aAbBsS'’ -.,<>&éÉßİıΣσς🚀日\n\t0123";
    for (int n = 0; n < 500; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = rnd.nextInt(80); i > 0; i--) {
        b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(31))));
      }
      assertSameAsAnalysis(b.toString());
    }
  }

  @Test
  void aWordCutByTheExcerptIsLeftOut() {
    AnalyzedBody body = new AnalyzedBody(analyzer);
    body.fill("printer trays jammed");
    // The excerpt ends inside "trays": only "printer" can be shown.
    BytesRef words = body.excerptWords("printer tr".length());
    CharArraySet all = new CharArraySet(List.of("printer", "trai", "tray", "jam"), true);
    assertThat(ExcerptWords.matches(words, "printer tr", all, 1000))
        .containsExactly(new int[] {0, 7});
  }

  @Test
  void stopsAWindowPastTheFirstMatch() {
    String text = "printer " + "word ".repeat(100) + "printer";
    CharArraySet printer = new CharArraySet(List.of("printer"), true);
    BytesRef words = ExcerptWords.of(analyzer, text);
    assertThat(ExcerptWords.matches(words, text, printer, 40)).hasSize(1);
    assertThat(ExcerptWords.matches(words, text, printer, 10_000)).hasSize(2);
  }

  @Test
  void readsTheWordsFromASliceOfALargerBuffer() {
    String text = "Restart the printers' spooler";
    BytesRef words = ExcerptWords.of(analyzer, text);
    byte[] larger = new byte[words.length + 9];
    System.arraycopy(words.bytes, words.offset, larger, 5, words.length);
    CharArraySet terms = new CharArraySet(List.of("printer", "spooler"), true);
    assertThat(ExcerptWords.matches(new BytesRef(larger, 5, words.length), text, terms, 1000))
        .containsExactly(new int[] {12, 20}, new int[] {22, 29});
  }

  @Test
  void plainWordsCostAboutTwoBytes() {
    String text = "restart the printer then clear the tray and check the cable ".repeat(20);
    assertThat(ExcerptWords.of(analyzer, text).length).isLessThan(text.length() / 2);
  }

  private void assertSameAsAnalysis(String text) throws IOException {
    List<String> terms = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(ArticleIndex.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
        offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      ts.end();
    }
    BytesRef words = ExcerptWords.of(analyzer, text);
    // Every analysed form asked for: every word is found, at its analysed offsets.
    assertThat(ExcerptWords.matches(words, text, new CharArraySet(terms, true), 1 << 20))
        .as("all words of %s", text)
        .containsExactlyElementsOf(offsets);
    // One form asked for: exactly the words that analyse to it.
    for (String t : terms) {
      List<int[]> expected = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        if (terms.get(i).equals(t)) {
          expected.add(offsets.get(i));
        }
      }
      assertThat(ExcerptWords.matches(words, text, new CharArraySet(List.of(t), true), 1 << 20))
          .as("%s in %s", t, text)
          .containsExactlyElementsOf(expected);
    }
  }
}
