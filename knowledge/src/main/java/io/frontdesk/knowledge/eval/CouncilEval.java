package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * The council question set (docs/CONTENT.md section 3) against a set of articles, through the
 * production analysis, synonyms, ranking and confident-answer decision, in a throw-away index.
 */
public final class CouncilEval {
  /** One row of council-questions.tsv; {@code expected} is null for an unanswerable question. */
  public record Question(String text, String expected, String kind, Audience audience) {}

  /** What the engine did with one question. */
  public record Outcome(Question question, List<String> top, String answer) {
    public boolean answerable() {
      return question.expected() != null;
    }

    public boolean top1() {
      return answerable() && !top.isEmpty() && top.get(0).equals(question.expected());
    }

    public boolean in3() {
      return answerable() && top.subList(0, Math.min(3, top.size())).contains(question.expected());
    }

    public boolean confidentWrong() {
      return answer != null && !answer.equals(question.expected());
    }
  }

  /** The figures the issue asks for. Rates are over answerable or unanswerable questions. */
  public record Report(
      int answerable,
      int unanswerable,
      double top1,
      double recall3,
      double confidentRight,
      double confidentWrong,
      double declined,
      List<Outcome> outcomes) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "council: questions=%d (unanswerable %d) top1=%.3f recall@3=%.3f answered-right=%.3f"
              + " confident-wrong=%.3f unanswerable-declined=%.3f",
          answerable + unanswerable,
          unanswerable,
          top1,
          recall3,
          confidentRight,
          confidentWrong,
          declined);
    }
  }

  private final RelevanceModel model;
  private final Confidence confidence;
  private final List<Synonyms.Group> synonyms;

  private final Supplier<Analyzer> analyzer;
  private final SemanticRanker semantic;

  public CouncilEval(RelevanceModel model, Confidence confidence, List<Synonyms.Group> synonyms) {
    this(model, confidence, synonyms, KnowledgeAnalyzer::new);
  }

  /** With another analysis (developer comparisons of stemmers). */
  public CouncilEval(
      RelevanceModel model,
      Confidence confidence,
      List<Synonyms.Group> synonyms,
      Supplier<Analyzer> analyzer) {
    this(model, confidence, synonyms, analyzer, null);
  }

  /** With semantic ranking ({@code semantic} null: lexical only, as with the setting off). */
  public CouncilEval(
      RelevanceModel model,
      Confidence confidence,
      List<Synonyms.Group> synonyms,
      Supplier<Analyzer> analyzer,
      SemanticRanker semantic) {
    this.model = model;
    this.confidence = confidence;
    this.synonyms = synonyms;
    this.analyzer = analyzer;
    this.semantic = semantic;
  }

  /** Parses the TSV (header: question, expected, kind, audience). */
  public static List<Question> parse(String tsv) {
    List<Question> out = new ArrayList<>();
    String[] lines = tsv.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split("\t");
      if (f.length != 4) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected 4 tab-separated fields");
      }
      out.add(
          new Question(
              f[0].strip(),
              f[1].equals("NONE") ? null : f[1].strip(),
              f[2].strip(),
              Audience.parseReader(f[3].strip())));
    }
    return out;
  }

  /** Runs every question against the articles (each given as a Markdown file's text). */
  public Report run(List<String> articleFiles, List<Question> questions) {
    MarkdownRenderer md = new MarkdownRenderer();
    List<IndexedArticle> docs = new ArrayList<>();
    for (String file : articleFiles) {
      ArticleInput a = ArticleFormat.parse(file);
      docs.add(
          new IndexedArticle(
              a.id(), a.title(), a.tags(), md.text(a.body()), a.service(), a.audience(), 1));
    }
    try (ArticleIndex index =
        ArticleIndex.inMemory(
            analyzer.get(), model.similarity(), semantic == null ? null : semantic.titles())) {
      index.addAll(docs);
      Synonyms syn = new Synonyms(synonyms, index.analyzer());
      SearchEngine engine = new SearchEngine(index, model, () -> syn, confidence, "", semantic);
      List<Outcome> outcomes = new ArrayList<>();
      for (Question q : questions) {
        SearchEngine.Result r = engine.search(q.text(), q.audience(), 3, null, false);
        outcomes.add(
            new Outcome(
                q,
                r.hits().stream().map(SearchHit::id).toList(),
                r.answer().map(SearchHit::id).orElse(null)));
      }
      return report(outcomes);
    }
  }

  static Report report(List<Outcome> outcomes) {
    int answerable = 0;
    int top1 = 0;
    int in3 = 0;
    int right = 0;
    int wrong = 0;
    int unanswerable = 0;
    int declined = 0;
    for (Outcome o : outcomes) {
      if (o.answerable()) {
        answerable++;
        top1 += o.top1() ? 1 : 0;
        in3 += o.in3() ? 1 : 0;
        right += o.answer() != null && !o.confidentWrong() ? 1 : 0;
        wrong += o.confidentWrong() ? 1 : 0;
      } else {
        unanswerable++;
        declined += o.answer() == null ? 1 : 0;
      }
    }
    return new Report(
        answerable,
        unanswerable,
        top1 / (double) answerable,
        in3 / (double) answerable,
        right / (double) answerable,
        wrong / (double) answerable,
        declined / (double) Math.max(1, unanswerable),
        List.copyOf(outcomes));
  }
}
