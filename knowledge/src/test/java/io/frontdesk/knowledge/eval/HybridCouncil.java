package io.frontdesk.knowledge.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Developer tool (not a test): the hybrid of HybridEval (production lexical ranking fused by RRF
 * with all-MiniLM-L6-v2 title embeddings) on the council question set, which the model cannot have
 * seen. The answer is kept only when the lexical rule is confident and the fused ranking has the
 * same top article, so the fusion can only withhold answers, never add a new one.
 */
public final class HybridCouncil {
  public static void main(String[] args) throws Exception {
    List<IndexedArticle> docs = new ArrayList<>();
    MarkdownRenderer md = new MarkdownRenderer();
    for (String name : resource("demo/articles/INDEX").split("\n")) {
      if (!name.isBlank()) {
        ArticleInput a = ArticleFormat.parse(resource("demo/articles/" + name.strip()));
        docs.add(
            new IndexedArticle(
                a.id(), a.title(), a.tags(), md.text(a.body()), a.service(), a.audience(), 1));
      }
    }
    List<CouncilEval.Question> questions =
        CouncilEval.parse(resource("eval/council-questions.tsv"));
    AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    Map<String, float[]> titles = new HashMap<>();
    for (IndexedArticle d : docs) {
      titles.put(d.id(), model.embed(d.title()).content().vector());
    }
    List<CouncilEval.Outcome> lexical = new ArrayList<>();
    List<CouncilEval.Outcome> fused = new ArrayList<>();
    long nanos = 0;
    try (ArticleIndex index =
        ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      index.addAll(docs);
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      SearchEngine engine =
          new SearchEngine(index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
      for (CouncilEval.Question q : questions) {
        SearchEngine.Result r = engine.search(q.text(), q.audience(), 100, null, false);
        List<String> lex = r.hits().stream().map(SearchHit::id).toList();
        String answer = r.answer().map(SearchHit::id).orElse(null);
        lexical.add(new CouncilEval.Outcome(q, lex, answer));
        long t0 = System.nanoTime();
        float[] qv = model.embed(q.text()).content().vector();
        nanos += System.nanoTime() - t0;
        // Dense over the articles the reader may see (the lexical hits carry the audience rule).
        List<String> visible = new ArrayList<>(lex);
        for (IndexedArticle d : docs) {
          if (!visible.contains(d.id())
              && ArticleIndex.visible(q.audience(), d.audience().wire())) {
            visible.add(d.id());
          }
        }
        List<String> dense = new ArrayList<>(visible);
        Map<String, Double> sim = new HashMap<>();
        for (String id : dense) {
          sim.put(id, cosine(qv, titles.get(id)));
        }
        dense.sort((a, b) -> Double.compare(sim.get(b), sim.get(a)));
        List<String> f = HybridEval.rrf(lex, dense);
        String kept = answer != null && !f.isEmpty() && f.get(0).equals(answer) ? answer : null;
        fused.add(new CouncilEval.Outcome(q, f, kept));
      }
    }
    System.out.println("lexical " + CouncilEval.report(lexical).line());
    System.out.println("rrf     " + CouncilEval.report(fused).line());
    System.out.printf("query embedding: %.1f ms mean%n", nanos / 1e6 / questions.size());
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = HybridCouncil.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
