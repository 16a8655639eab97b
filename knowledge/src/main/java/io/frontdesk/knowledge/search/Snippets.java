package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Cuts a result's snippet from its stored excerpt: the text is analysed once, the words whose
 * analysed form is one of the query's terms (synonyms and typo expansions included) are marked, and
 * a window of about {@value #WINDOW} characters around the first match is kept. It replaces
 * Lucene's UnifiedHighlighter, which built an in-memory index of every hit's text for each search
 * and was a third of the search time. The text is HTML-escaped; only the marks are markup.
 */
final class Snippets {
  static final int WINDOW = 240;
  private static final int BEFORE = 60;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

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
   * The query's terms ({@link #terms}) in a set the analysed words of an excerpt are looked up in
   * as they are: no string made for each word of each excerpt.
   */
  static CharArraySet marks(Query query) {
    return new CharArraySet(terms(query), false);
  }

  /** The snippet, or null when no word of the excerpt is in {@code terms}. */
  String cut(String excerpt, CharArraySet terms) {
    if (excerpt == null || excerpt.isEmpty()) {
      return null;
    }
    List<int[]> marks = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", excerpt)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        // Past a window's width after the first match nothing more can be shown: stop analysing.
        if (!marks.isEmpty() && offset.startOffset() > marks.get(0)[0] + WINDOW) {
          break;
        }
        if (terms.contains(term.buffer(), 0, term.length())) {
          marks.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      b.append(SearchEngine.escape(excerpt.substring(at, m[0])))
          .append("<mark>")
          .append(SearchEngine.escape(excerpt.substring(m[0], m[1])))
          .append("</mark>");
      at = m[1];
    }
    b.append(SearchEngine.escape(excerpt.substring(at, to)));
    if (to < excerpt.length()) {
      b.append(" …");
    }
    return b.toString();
  }
}
