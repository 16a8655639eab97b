package io.frontdesk.knowledge.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Developer tool (not a test, not in the server): the hybrid-retrieval experiment on StackFAQ. The
 * production lexical ranking, a dense ranking by cosine between the question and each article's
 * title embedded with all-MiniLM-L6-v2 (quantised, ONNX), and the two fused by reciprocal rank
 * fusion (k = 60). Prints MAP for each, in both views, with the same protocol as {@code kb eval}.
 *
 * <p>Caveat: all-MiniLM-L6-v2 was trained on Stack Exchange title/body and title/answer pairs,
 * which may include these threads (not the paraphrases, which TakeLab wrote), so its StackFAQ
 * figures may flatter it.
 */
public final class HybridEval {
  private static final int RRF_K = 60;

  public static void main(String[] args) throws Exception {
    StackFaq faq = StackFaq.read(Path.of(args[0]));
    AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    Map<String, float[]> cache = new HashMap<>();
    long t0 = System.nanoTime();
    for (boolean pairs : new boolean[] {false, true}) {
      Map<String, String> titles = new LinkedHashMap<>();
      List<IndexedArticle> docs = new ArrayList<>();
      for (StackFaq.Thread t : faq.threads()) {
        List<String> bodies = pairs ? t.answers() : List.of(String.join("\n\n", t.answers()));
        for (int i = 0; i < bodies.size(); i++) {
          String id = pairs ? t.id() + "/" + i : t.id();
          docs.add(
              new IndexedArticle(id, t.question(), List.of(), bodies.get(i), "", Audience.ALL, 1));
          titles.put(id, t.question());
        }
      }
      double lex = 0;
      double dense = 0;
      double fused = 0;
      int n = 0;
      try (ArticleIndex index =
          ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
        index.addAll(docs);
        Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
        SearchEngine engine =
            new SearchEngine(
                index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
        for (StackFaq.Thread t : faq.threads()) {
          for (String q : t.paraphrases()) {
            List<String> lexical =
                engine.search(q, Audience.STAFF, 1000, null, false).hits().stream()
                    .map(SearchHit::id)
                    .toList();
            float[] qv = cache.computeIfAbsent(q, k -> model.embed(k).content().vector());
            Map<String, Double> sim = new HashMap<>();
            for (Map.Entry<String, String> e : titles.entrySet()) {
              float[] tv =
                  cache.computeIfAbsent(e.getValue(), k -> model.embed(k).content().vector());
              sim.put(e.getKey(), cosine(qv, tv));
            }
            List<String> byDense = new ArrayList<>(titles.keySet());
            byDense.sort((a, b) -> Double.compare(sim.get(b), sim.get(a)));
            int relevant = pairs ? t.answers().size() : 1;
            lex += ap(lexical, t.id(), pairs, relevant);
            dense += ap(byDense, t.id(), pairs, relevant);
            fused += ap(rrf(lexical, byDense), t.id(), pairs, relevant);
            n++;
          }
        }
      }
      String view = pairs ? "qa" : "thread";
      System.out.printf(
          Locale.ROOT,
          "%s: lexical MAP=%.3f dense-title MAP=%.3f rrf(lexical, dense-title) MAP=%.3f%n",
          view,
          lex / n,
          dense / n,
          fused / n);
    }
    System.out.printf(
        Locale.ROOT,
        "texts embedded: %d in %.1f s (both views)%n",
        cache.size(),
        (System.nanoTime() - t0) / 1e9);
  }

  static List<String> rrf(List<String> a, List<String> b) {
    Map<String, Double> score = new HashMap<>();
    for (List<String> ranking : List.of(a, b)) {
      for (int i = 0; i < ranking.size(); i++) {
        score.merge(ranking.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
      }
    }
    List<String> out = new ArrayList<>(score.keySet());
    out.sort((x, y) -> Double.compare(score.get(y), score.get(x)));
    return out;
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

  private static double ap(List<String> ranking, String thread, boolean pairs, int relevant) {
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranking.size(); i++) {
      String id = ranking.get(i);
      if (pairs ? id.startsWith(thread + "/") : id.equals(thread)) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevant;
  }
}
