package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

/**
 * A snippet is the window around the first match with every match in it marked; analysis stops a
 * window's width after the first match, which changes nothing shown.
 */
class SnippetsTest {
  static final CharArraySet PRINTER = new CharArraySet(Set.of("printer"), false);

  final Snippets snippets = new Snippets(new KnowledgeAnalyzer());

  @Test
  void marksTheMatchesInTheWindowAroundTheFirst() {
    String filler = "word ".repeat(100);
    String excerpt =
        "Clear the printer tray, then restart the printer. " + filler + "printer again";
    String cut = snippets.cut(excerpt, PRINTER);
    assertThat(cut).startsWith("Clear the <mark>printer</mark> tray");
    assertThat(cut).contains("restart the <mark>printer</mark>.");
    assertThat(cut).doesNotContain("again").endsWith(" …");
    assertThat(cut.replace("<mark>", "").replace("</mark>", "").length())
        .isLessThanOrEqualTo(Snippets.WINDOW + 2);
  }

  @Test
  void noMatchIsNull() {
    assertThat(snippets.cut("Nothing to see here", PRINTER)).isNull();
  }
}
