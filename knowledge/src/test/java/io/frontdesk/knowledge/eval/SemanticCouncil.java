package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.knowledge.semantic.MiniLmEmbedder;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import io.frontdesk.knowledge.semantic.TitleVectors;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool: the production path with semantic ranking ({@code FRONTDESK_KB_SEMANTIC=minilm},
 * {@link SemanticRanker#standard}) on the council set over a grid of confident-answer thresholds,
 * and, with a StackFAQ file, the StackFAQ figures on the tuning half, held-out half and all plus
 * the {@code --confidence} grid. Arguments: [STACKFAQ_FILE] [--confidence] [--grid] (council
 * thresholds grid) [--knn] (k-NN mode) [--ties-dense] (RRF ties to the semantic order).
 */
public final class SemanticCouncil {
  public static void main(String[] args) throws Exception {
    TitleVectors titles = TitleVectors.inMemory(new MiniLmEmbedder());
    List<String> flags = List.of(args);
    SemanticRanker ranker =
        new SemanticRanker(
            titles,
            flags.contains("--knn") ? SemanticRanker.Mode.KNN : SemanticRanker.Mode.RERANK,
            100,
            60,
            !flags.contains("--ties-dense"));
    System.out.println("ranking: " + ranker.describe());
    boolean grid = flags.contains("--grid");
    double[] margins = grid ? new double[] {0.15, 0.2, 0.25, 0.3} : new double[] {0.3};
    double[] coverages = grid ? new double[] {0.5, 0.6} : new double[] {0.6};
    List<String> articles = new ArrayList<>();
    for (String name : resource("demo/articles/INDEX").split("\n")) {
      if (!name.isBlank()) {
        articles.add(resource("demo/articles/" + name.strip()));
      }
    }
    List<CouncilEval.Question> questions =
        CouncilEval.parse(resource("eval/council-questions.tsv"));
    for (double cov : coverages) {
      for (double margin : margins) {
        for (SemanticRanker r : new SemanticRanker[] {null, ranker}) {
          CouncilEval.Report rep =
              new CouncilEval(
                      RelevanceModel.PRODUCTION,
                      new Confidence(cov, margin, 1),
                      Synonyms.defaults(),
                      KnowledgeAnalyzer::new,
                      r)
                  .run(articles, questions);
          System.out.printf(
              Locale.ROOT,
              "%.2f/%.2f %-8s %s%n",
              cov,
              margin,
              r == null ? "lexical" : "semantic",
              rep.line());
        }
      }
    }
    if (args.length > 0 && !args[0].startsWith("--")) {
      StackFaq faq = StackFaq.read(Path.of(args[0]));
      StackFaqEval e =
          new StackFaqEval(
              RelevanceModel.PRODUCTION, Synonyms.defaults(), KnowledgeAnalyzer::new, ranker);
      for (boolean pairs : new boolean[] {false, true}) {
        List<StackFaqEval.Outcome> o = e.outcomes(faq, pairs);
        String view = pairs ? "qa" : "thread";
        System.out.println(
            StackFaqEval.metrics(o.stream().filter(x -> x.thread() % 2 == 0).toList())
                .line(view + " tune"));
        System.out.println(
            StackFaqEval.metrics(o.stream().filter(x -> x.thread() % 2 == 1).toList())
                .line(view + " held-out"));
        System.out.println(StackFaqEval.metrics(o).line(view + " all"));
      }
      if (flags.contains("--confidence")) {
        ConfidenceReport.print(e.observe(faq), System.out);
      }
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = SemanticCouncil.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
