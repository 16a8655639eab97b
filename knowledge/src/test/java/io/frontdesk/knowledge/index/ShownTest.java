package io.frontdesk.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** What a hit shows survives its doc-value encoding unchanged, whatever the text. */
class ShownTest {
  @Test
  void roundTripsUnicode() {
    Shown s =
        new Shown("a-1", "Café Wi‑Fi 🚀 не работает", "Réseau", "Ünïcödé — “quotes” 日本語", null);
    assertThat(Shown.decode(s.encode())).isEqualTo(s);
  }

  @Test
  void roundTripsTheExcerptsWords() {
    String excerpt = "Restart the Printers' spooler";
    Shown s = new Shown("a", "t", "", excerpt, ExcerptWords.of(new KnowledgeAnalyzer(), excerpt));
    assertThat(s.words().length).isPositive();
    assertThat(Shown.decode(s.encode())).isEqualTo(s);
    // The words may be a slice of a larger buffer (the indexing writer's).
    byte[] larger = new byte[s.words().length + 6];
    System.arraycopy(s.words().bytes, 0, larger, 4, s.words().length);
    Shown slice = new Shown("a", "t", "", excerpt, new BytesRef(larger, 4, s.words().length));
    assertThat(Shown.decode(slice.encode())).isEqualTo(s);
  }

  @Test
  void emptyAndNullFieldsComeBackEmpty() {
    assertThat(Shown.decode(new Shown("", "", "", "", null).encode()))
        .isEqualTo(new Shown("", "", "", "", null));
    assertThat(Shown.decode(new Shown("x", null, null, "", null).encode()))
        .isEqualTo(new Shown("x", "", "", "", null));
  }

  @Test
  void longExcerptAndAnOffsetInTheBuffer() {
    String excerpt = "word ".repeat(3000) + "ß";
    Shown s = new Shown("id", "t", "svc", excerpt, null);
    BytesRef bytes = s.encode();
    // A doc-values reader hands a slice of a larger buffer: decode from an offset.
    byte[] larger = new byte[bytes.length + 7];
    System.arraycopy(bytes.bytes, bytes.offset, larger, 3, bytes.length);
    assertThat(Shown.decode(new BytesRef(larger, 3, bytes.length))).isEqualTo(s);
  }
}
