package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.index.ExcerptWords;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.index.Shown;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

/**
 * A snippet is the window around the first match with every match in it marked, whatever the case
 * or inflection of the word in the text, and it is HTML-escaped.
 */
class SnippetsTest {
  static final CharArraySet PRINTER = new CharArraySet(Set.of("printer"), true);

  static Shown shown(String excerpt) {
    return new Shown("a", "t", "", excerpt, ExcerptWords.of(new KnowledgeAnalyzer(), excerpt));
  }

  @Test
  void marksTheMatchesInTheWindowAroundTheFirst() {
    String filler = "word ".repeat(100);
    String excerpt =
        "Clear the printer tray, then restart the Printer. " + filler + "printer again";
    String cut = Snippets.cut(shown(excerpt), PRINTER);
    assertThat(cut).startsWith("Clear the <mark>printer</mark> tray");
    assertThat(cut).contains("restart the <mark>Printer</mark>.");
    assertThat(cut).doesNotContain("again").endsWith(" …");
    assertThat(cut.replace("<mark>", "").replace("</mark>", "").length())
        .isLessThanOrEqualTo(Snippets.WINDOW + 2);
  }

  @Test
  void marksInflectedFormsByTheirAnalysedForm() {
    CharArraySet terms = new CharArraySet(Set.of("printer", "jam"), true);
    String cut = Snippets.cut(shown("<b>Printers</b> jamming & the printer's tray"), terms);
    assertThat(cut)
        .isEqualTo(
            "&lt;b&gt;<mark>Printers</mark>&lt;/b&gt; <mark>jamming</mark> &amp; the"
                + " <mark>printer&#39;s</mark> tray");
  }

  @Test
  void noMatchIsNull() {
    assertThat(Snippets.cut(shown("Nothing to see here"), PRINTER)).isNull();
    assertThat(Snippets.cut(new Shown("a", "t", "", "printer", null), PRINTER)).isNull();
    assertThat(Snippets.cut(shown(""), PRINTER)).isNull();
  }
}
