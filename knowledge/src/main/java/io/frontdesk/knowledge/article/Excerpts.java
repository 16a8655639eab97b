package io.frontdesk.knowledge.article;

import io.frontdesk.knowledge.search.Synonyms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * "The relevant part of the article": the section (a heading and what follows it, or the lead
 * before the first heading) whose words best cover the question, rendered and sanitised. The bot
 * shows it in a card; the whole article stays one click away.
 */
public final class Excerpts {
  /** A section of a published article. */
  public record Excerpt(String articleId, String title, String heading, String html, String text) {}

  private final MarkdownRenderer markdown;
  private final Analyzer analyzer;

  /**
   * Articles split, analysed and rendered section by section, by body text: each answer then only
   * analyses the question. Bounded: it empties itself rather than grow past {@link #MAX_PREPARED}.
   */
  private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

  static final int MAX_PREPARED = 1_000;

  /** One section: its heading and markdown, its words, and its rendering once asked for. */
  private static final class Section {
    final String heading;
    final String text;
    final Set<String> words;
    final int length;
    volatile String html;
    volatile String plain;

    Section(String heading, String text, List<String> tokens) {
      this.heading = heading;
      this.text = text;
      this.words = Set.copyOf(tokens);
      this.length = tokens.size();
    }
  }

  private record Prepared(List<Section> sections) {}

  public Excerpts(MarkdownRenderer markdown, Analyzer analyzer) {
    this.markdown = markdown;
    this.analyzer = analyzer;
  }

  public Excerpt best(Article a, String query) {
    List<Section> sections = prepare(a.body()).sections();
    Set<String> wanted = new HashSet<>(Synonyms.analyze(analyzer, query == null ? "" : query));
    Section best = sections.get(0);
    double bestScore = -1;
    for (Section s : sections) {
      int covered = 0;
      for (String w : wanted) {
        covered += s.words.contains(w) ? 1 : 0;
      }
      // Coverage of the question first; shorter sections win ties (more to the point).
      double score = covered - s.length / 10_000.0;
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best.html == null) {
      String md = best.heading.isEmpty() ? best.text : "## " + best.heading + "\n\n" + best.text;
      best.plain = markdown.text(best.text);
      best.html = markdown.html(md);
    }
    return new Excerpt(a.id(), a.title(), best.heading, best.html, best.plain);
  }

  private Prepared prepare(String body) {
    Prepared p = prepared.get(body);
    if (p != null) {
      return p;
    }
    List<Section> out = new ArrayList<>();
    for (String[] s : sections(body)) {
      out.add(new Section(s[0], s[1], Synonyms.analyze(analyzer, s[0] + "\n" + s[1])));
    }
    p = new Prepared(List.copyOf(out));
    if (prepared.size() >= MAX_PREPARED) {
      prepared.clear();
    }
    prepared.put(body, p);
    return p;
  }

  /** {heading, markdown} pairs; the lead (before any heading) has an empty heading. */
  static List<String[]> sections(String body) {
    List<String[]> out = new ArrayList<>();
    String heading = "";
    StringBuilder text = new StringBuilder();
    boolean fence = false;
    for (String line : body.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fence = !fence;
      }
      if (!fence && line.matches("#{1,6}\\s+.*")) {
        if (!text.toString().isBlank() || !heading.isEmpty()) {
          out.add(new String[] {heading, text.toString().strip()});
        }
        heading = line.replaceFirst("#{1,6}\\s+", "").strip();
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    if (!text.toString().isBlank() || !heading.isEmpty() || out.isEmpty()) {
      out.add(new String[] {heading, text.toString().strip()});
    }
    return out;
  }
}
