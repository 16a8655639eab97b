package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.Audience;
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
 * The StackFAQ retrieval benchmark through the production analysis, synonyms and ranking, in a
 * throw-away in-memory index. Thread view: one article per thread (title + answers); QA-pair view:
 * one article per answer (title + that answer), every pair of the thread relevant.
 */
public final class StackFaqEval {
  /** MAP, MRR, P@1, P@5 and Hit@5 over all queries. */
  public record Metrics(double map, double mrr, double p1, double p5, double hit5, int queries) {
    public String line(String view) {
      return String.format(
          Locale.ROOT,
          "%s: MAP=%.3f MRR=%.3f P@1=%.3f P@5=%.3f Hit@5=%.3f",
          view,
          map,
          mrr,
          p1,
          p5,
          hit5);
    }
  }

  /** Features and outcome of one query, for deriving the confidence rule. */
  public record Observation(Confidence.Features features, boolean topCorrect, boolean answerable) {}

  private final RelevanceModel model;
  private final List<Synonyms.Group> synonyms;

  private final Supplier<Analyzer> analyzer;
  private final SemanticRanker semantic;

  public StackFaqEval(RelevanceModel model, List<Synonyms.Group> synonyms) {
    this(model, synonyms, KnowledgeAnalyzer::new);
  }

  /** With another analysis (developer comparisons of stemmers). */
  public StackFaqEval(
      RelevanceModel model, List<Synonyms.Group> synonyms, Supplier<Analyzer> analyzer) {
    this(model, synonyms, analyzer, null);
  }

  /** With semantic ranking ({@code semantic} null: lexical only, as with the setting off). */
  public StackFaqEval(
      RelevanceModel model,
      List<Synonyms.Group> synonyms,
      Supplier<Analyzer> analyzer,
      SemanticRanker semantic) {
    this.model = model;
    this.synonyms = synonyms;
    this.analyzer = analyzer;
    this.semantic = semantic;
  }

  public Metrics thread(StackFaq faq) {
    return metrics(outcomes(faq, false));
  }

  public Metrics qa(StackFaq faq) {
    return metrics(outcomes(faq, true));
  }

  /**
   * Thread view, each query asked twice: as is (answerable) and with its own thread removed
   * (unanswerable), recording the confidence features of both.
   */
  public List<Observation> observe(StackFaq faq) {
    List<Observation> out = new ArrayList<>();
    try (ArticleIndex index = build(faq, false)) {
      SearchEngine engine = engine(index);
      for (StackFaq.Thread t : faq.threads()) {
        for (String q : t.paraphrases()) {
          SearchEngine.Result r = engine.search(q, Audience.STAFF, 5, null, false);
          boolean ok = !r.hits().isEmpty() && r.hits().get(0).id().equals(t.id());
          out.add(new Observation(r.features(), ok, true));
          SearchEngine.Result u = engine.search(q, Audience.STAFF, 5, t.id(), false);
          out.add(new Observation(u.features(), false, false));
        }
      }
    }
    return out;
  }

  private SearchEngine engine(ArticleIndex index) {
    Synonyms syn = new Synonyms(synonyms, index.analyzer());
    return new SearchEngine(index, model, () -> syn, Confidence.PRODUCTION, "", semantic);
  }

  private ArticleIndex build(StackFaq faq, boolean pairs) {
    ArticleIndex index =
        ArticleIndex.inMemory(
            analyzer.get(), model.similarity(), semantic == null ? null : semantic.titles());
    List<IndexedArticle> docs = new ArrayList<>();
    for (StackFaq.Thread t : faq.threads()) {
      if (pairs) {
        for (int i = 0; i < t.answers().size(); i++) {
          docs.add(article(t.id() + "/" + i, t.question(), t.answers().get(i)));
        }
      } else {
        docs.add(article(t.id(), t.question(), String.join("\n\n", t.answers())));
      }
    }
    index.addAll(docs);
    return index;
  }

  private static IndexedArticle article(String id, String title, String body) {
    return new IndexedArticle(id, title, List.of(), body, "", Audience.ALL, 1);
  }

  /** One paraphrase's result: its thread's position in the file and its ranking figures. */
  public record Outcome(int thread, String query, double ap, double rr, int in5, String top) {}

  /** Per-query outcomes of one view, for figures over a part of the threads. */
  public List<Outcome> outcomes(StackFaq faq, boolean pairs) {
    try (ArticleIndex index = build(faq, pairs)) {
      return run(index, faq, pairs);
    }
  }

  /** The figures over the given outcomes. */
  public static Metrics metrics(List<Outcome> outcomes) {
    double map = 0;
    double mrr = 0;
    double p1 = 0;
    double p5 = 0;
    double hit5 = 0;
    for (Outcome o : outcomes) {
      map += o.ap();
      mrr += o.rr();
      p1 += o.rr() == 1.0 ? 1 : 0;
      p5 += o.in5() / 5.0;
      hit5 += o.in5() > 0 ? 1 : 0;
    }
    int n = Math.max(1, outcomes.size());
    return new Metrics(map / n, mrr / n, p1 / n, p5 / n, hit5 / n, outcomes.size());
  }

  private List<Outcome> run(ArticleIndex index, StackFaq faq, boolean pairs) {
    SearchEngine engine = engine(index);
    List<Outcome> out = new ArrayList<>();
    for (int ti = 0; ti < faq.threads().size(); ti++) {
      StackFaq.Thread t = faq.threads().get(ti);
      int relevant = pairs ? t.answers().size() : 1;
      for (String q : t.paraphrases()) {
        List<SearchHit> hits = engine.search(q, Audience.STAFF, 1000, null, false).hits();
        double ap = 0;
        int found = 0;
        double rr = 0;
        int in5 = 0;
        for (int i = 0; i < hits.size(); i++) {
          String id = hits.get(i).id();
          boolean rel = pairs ? id.startsWith(t.id() + "/") : id.equals(t.id());
          if (rel) {
            found++;
            ap += (double) found / (i + 1);
            if (rr == 0) {
              rr = 1.0 / (i + 1);
            }
            if (i < 5) {
              in5++;
            }
          }
        }
        out.add(
            new Outcome(ti, q, ap / relevant, rr, in5, hits.isEmpty() ? null : hits.get(0).id()));
      }
    }
    return out;
  }
}
