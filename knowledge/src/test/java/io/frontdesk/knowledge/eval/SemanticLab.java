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
import io.frontdesk.knowledge.semantic.StaticEmbedder;
import io.frontdesk.knowledge.semantic.TextEmbedder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Developer tool: static (distilled) title embeddings with the production lexical ranking on
 * StackFAQ, by fusion mode, on the tuning half (even threads), the held-out half and all.
 * Arguments: the StackFAQ file, then one or more FDSE tables.
 */
public final class SemanticLab {
  interface Fuse {
    List<String> apply(List<String> lex, List<String> dense, Map<String, Double> cos);
  }

  public static void main(String[] args) throws Exception {
    StackFaq faq = StackFaq.read(Path.of(args[0]));
    Map<String, Fuse> modes = new LinkedHashMap<>();
    modes.put("lexical", (l, d, c) -> l);
    modes.put("dense", (l, d, c) -> d);
    modes.put("rrf60-full", (l, d, c) -> rrf(l, d, 60, 1));
    modes.put("rrf60-top100", (l, d, c) -> rrf(l, top(d, l, 100), 60, 1));
    modes.put("rrf60-top30", (l, d, c) -> rrf(l, top(d, l, 30), 60, 1));
    modes.put("rrf60-top50", (l, d, c) -> rrf(l, top(d, l, 50), 60, 1));
    modes.put("rrf60-top200", (l, d, c) -> rrf(l, top(d, l, 200), 60, 1));
    modes.put("rrf20-full", (l, d, c) -> rrf(l, d, 20, 1));
    modes.put("rrf60-full-w1.5", (l, d, c) -> rrf(l, d, 60, 1.5));
    modes.put("rrf60-full-w0.7", (l, d, c) -> rrf(l, d, 60, 0.7));
    for (int a = 1; a < args.length; a++) {
      TextEmbedder emb;
      if (args[a].equals("minilm")) {
        emb = new io.frontdesk.knowledge.semantic.MiniLmEmbedder();
      } else {
        try (InputStream in = Files.newInputStream(Path.of(args[a]))) {
          emb = StaticEmbedder.read(in);
        }
      }
      System.out.println("== " + args[a]);
      for (boolean pairs : new boolean[] {false, true}) {
        run(faq, emb, pairs, modes);
      }
    }
  }

  static List<String> top(List<String> dense, List<String> lex, int n) {
    java.util.Set<String> keep = new java.util.HashSet<>(lex.subList(0, Math.min(n, lex.size())));
    return dense.stream().filter(keep::contains).toList();
  }

  static void run(StackFaq faq, TextEmbedder emb, boolean pairs, Map<String, Fuse> modes)
      throws Exception {
    Map<String, float[]> titles = new LinkedHashMap<>();
    List<IndexedArticle> docs = new ArrayList<>();
    for (StackFaq.Thread t : faq.threads()) {
      List<String> bodies = pairs ? t.answers() : List.of(String.join("\n\n", t.answers()));
      for (int i = 0; i < bodies.size(); i++) {
        String id = pairs ? t.id() + "/" + i : t.id();
        docs.add(
            new IndexedArticle(id, t.question(), List.of(), bodies.get(i), "", Audience.ALL, 1));
        titles.put(id, emb.embed(t.question()));
      }
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    int[] n = new int[2];
    long nanos = 0;
    int queries = 0;
    try (ArticleIndex index =
        ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      index.addAll(docs);
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      SearchEngine engine =
          new SearchEngine(index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
      int ti = 0;
      for (StackFaq.Thread t : faq.threads()) {
        int half = ti++ % 2;
        for (String q : t.paraphrases()) {
          List<String> lexical =
              engine.search(q, Audience.STAFF, 1000, null, false).hits().stream()
                  .map(SearchHit::id)
                  .toList();
          long t0 = System.nanoTime();
          float[] qv = emb.embed(q);
          nanos += System.nanoTime() - t0;
          queries++;
          Map<String, Double> cos = new HashMap<>();
          for (Map.Entry<String, float[]> e : titles.entrySet()) {
            cos.put(e.getKey(), TextEmbedder.dot(qv, e.getValue()));
          }
          List<String> dense = new ArrayList<>(titles.keySet());
          dense.sort((x, y) -> Double.compare(cos.get(y), cos.get(x)));
          int relevant = pairs ? t.answers().size() : 1;
          for (Map.Entry<String, Fuse> m : modes.entrySet()) {
            double ap = ap(m.getValue().apply(lexical, dense, cos), t.id(), pairs, relevant);
            sums.computeIfAbsent(m.getKey(), k -> new double[2])[half] += ap;
          }
          n[half]++;
        }
      }
    }
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "%s %-18s tune %.3f held-out %.3f all %.3f%n",
          pairs ? "qa    " : "thread",
          e.getKey(),
          s[0] / n[0],
          s[1] / n[1],
          (s[0] + s[1]) / (n[0] + n[1]));
    }
    System.out.printf(Locale.ROOT, "query embedding %.1f us mean%n", nanos / 1e3 / queries);
  }

  static List<String> rrf(List<String> a, List<String> b, int k, double wb) {
    Map<String, Double> score = new HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      score.merge(a.get(i), 1.0 / (k + i + 1), Double::sum);
    }
    for (int i = 0; i < b.size(); i++) {
      score.merge(b.get(i), wb / (k + i + 1), Double::sum);
    }
    List<String> out = new ArrayList<>(score.keySet());
    out.sort((x, y) -> Double.compare(score.get(y), score.get(x)));
    return out;
  }

  static double ap(List<String> ranking, String thread, boolean pairs, int relevant) {
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
