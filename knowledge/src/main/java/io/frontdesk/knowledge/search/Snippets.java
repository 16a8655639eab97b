package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.index.ExcerptWords;
import io.frontdesk.knowledge.index.Shown;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Cuts a result's snippet from its stored excerpt: the words whose analysed form is one of the
 * query's terms (synonyms and typo expansions included) are marked, and a window of about {@value
 * #WINDOW} characters around the first match is kept. Where the excerpt's words are and what they
 * analyse to was kept at indexing ({@link ExcerptWords}), so no analysis runs here. It replaces
 * Lucene's UnifiedHighlighter, which built an in-memory index of every hit's text for each search
 * and was a third of the search time. The text is HTML-escaped; only the marks are markup.
 */
final class Snippets {
  static final int WINDOW = 240;
  private static final int BEFORE = 60;

  private Snippets() {}

  /** Every term text of the query, whatever its field. */
  static Set<String> terms(Query query) {
    Set<Term> collected = new HashSet<>();
    query.visit(QueryVisitor.termCollector(collected));
    Set<String> out = new HashSet<>();
    for (Term t : collected) {
      // Not Term.text(): it decodes through a new CharsetDecoder for each term.
      out.add(t.bytes().utf8ToString());
    }
    return out;
  }

  /**
   * The query's terms ({@link #terms}) in a set the excerpt's words are looked up in as they are
   * written: case is ignored (a word stored as plain is its own lowercased analysed form).
   */
  static CharArraySet marks(Query query) {
    return new CharArraySet(terms(query), true);
  }

  /** The snippet of {@code shown}'s excerpt, or null when none of its words is in {@code terms}. */
  static String cut(Shown shown, CharArraySet terms) {
    String excerpt = shown.excerpt();
    if (excerpt.isEmpty()) {
      return null;
    }
    List<int[]> marks = ExcerptWords.matches(shown.words(), excerpt, terms, WINDOW);
    if (marks.isEmpty()) {
      return null;
    }
    int from = Math.max(0, marks.get(0)[0] - BEFORE);
    if (from > 0) {
      int space = excerpt.indexOf(' ', from);
      from = space >= 0 && space < marks.get(0)[0] ? space + 1 : marks.get(0)[0];
    }
    int to = Math.min(excerpt.length(), from + WINDOW);
    if (to < excerpt.length()) {
      int space = excerpt.lastIndexOf(' ', to);
      to = space > from + WINDOW / 2 ? space : to;
    }
    StringBuilder b = new StringBuilder(to - from + 32);
    if (from > 0) {
      b.append("… ");
    }
    int at = from;
    for (int[] m : marks) {
      if (m[0] < from || m[1] > to) {
        continue;
      }
      SearchEngine.escape(excerpt, at, m[0], b);
      b.append("<mark>");
      SearchEngine.escape(excerpt, m[0], m[1], b);
      b.append("</mark>");
      at = m[1];
    }
    SearchEngine.escape(excerpt, at, to, b);
    if (to < excerpt.length()) {
      b.append(" …");
    }
    return b.toString();
  }
}
