package io.frontdesk.knowledge.article;

import io.frontdesk.knowledge.search.Synonyms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  public Excerpts(MarkdownRenderer markdown, Analyzer analyzer) {
    this.markdown = markdown;
    this.analyzer = analyzer;
  }

  public Excerpt best(Article a, String query) {
    List<String[]> sections = sections(a.body());
    Set<String> wanted = new HashSet<>(Synonyms.analyze(analyzer, query == null ? "" : query));
    String[] best = sections.get(0);
    double bestScore = -1;
    for (String[] s : sections) {
      List<String> tokens = Synonyms.analyze(analyzer, s[0] + "\n" + s[1]);
      Set<String> seen = new HashSet<>(tokens);
      seen.retainAll(wanted);
      // Coverage of the question first; shorter sections win ties (more to the point).
      double score = seen.size() - tokens.size() / 10_000.0;
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    String md = best[0].isEmpty() ? best[1] : "## " + best[0] + "\n\n" + best[1];
    return new Excerpt(a.id(), a.title(), best[0], markdown.html(md), markdown.text(best[1]));
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
