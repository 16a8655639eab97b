package io.frontdesk.knowledge.eval;

import com.sun.management.OperatingSystemMXBean;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.knowledge.semantic.MiniLmEmbedder;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import io.frontdesk.knowledge.semantic.StoredTitleVectors;
import io.frontdesk.knowledge.semantic.TextEmbedder;
import io.frontdesk.knowledge.semantic.TitleVectors;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Developer tool: what {@code FRONTDESK_KB_SEMANTIC=minilm} costs. Index build of N synthetic
 * articles without and with title vectors (first build embeds every title into the store cache, the
 * rebuild reads them back), then searches with and without semantic ranking, interleaved. Process
 * CPU time (ONNX Runtime runs on its own threads). Args: [N, default 2000] [queries, 400].
 */
public final class SemanticCost {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("--graph")) {
      graph(Integer.parseInt(args[1]));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int q = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    Random rnd = new Random(42);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
    List<String> queries = SyntheticCorpus.questions(docs, q, rnd);
    System.out.printf(Locale.ROOT, "load average %.1f%n", OS.getSystemLoadAverage());
    try (MongoStore store = TestStores.fresh()) {
      TitleVectors stored = new StoredTitleVectors(new MiniLmEmbedder(), store.database());
      stored.vector("warm up the model");
      build("lexical only", docs, null).close();
      build("with title vectors, first build (embeds)", docs, stored).close();
      try (ArticleIndex index = build("with title vectors, rebuild (store cache)", docs, stored)) {
        Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
        SearchEngine off =
            new SearchEngine(
                index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
        SearchEngine on =
            new SearchEngine(
                index,
                RelevanceModel.PRODUCTION,
                () -> syn,
                Confidence.PRODUCTION,
                "",
                SemanticRanker.standard(stored));
        int warm = q / 4;
        long[][] cpu = new long[2][q - warm];
        long[][] wall = new long[2][q - warm];
        for (int i = 0; i < q; i++) {
          for (int k = 0; k < 2; k++) {
            long c0 = OS.getProcessCpuTime();
            long w0 = System.nanoTime();
            (k == 0 ? off : on).search(queries.get(i), Audience.STAFF, 10, null, true);
            if (i >= warm) {
              cpu[k][i - warm] = OS.getProcessCpuTime() - c0;
              wall[k][i - warm] = System.nanoTime() - w0;
            }
          }
        }
        for (int k = 0; k < 2; k++) {
          Arrays.sort(cpu[k]);
          Arrays.sort(wall[k]);
          int m = cpu[k].length;
          System.out.printf(
              Locale.ROOT,
              "search %-8s n=%d process CPU p50 %.2f ms p99 %.2f ms mean %.2f ms; wall p50 %.2f"
                  + " ms p99 %.2f ms%n",
              k == 0 ? "lexical" : "semantic",
              n,
              cpu[k][m / 2] / 1e6,
              cpu[k][m * 99 / 100] / 1e6,
              Arrays.stream(cpu[k]).average().orElse(0) / 1e6,
              wall[k][m / 2] / 1e6,
              wall[k][m * 99 / 100] / 1e6);
        }
      }
    }
    System.out.printf(Locale.ROOT, "load average %.1f%n", OS.getSystemLoadAverage());
  }

  /**
   * What the stored vectors cost to index by themselves (Lucene's HNSW graph), with random unit
   * vectors standing in for embeddings, so no model time is counted.
   */
  private static void graph(int n) {
    Random rnd = new Random(7);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
    TextEmbedder random =
        new TextEmbedder() {
          @Override
          public String name() {
            return "random";
          }

          @Override
          public int dimensions() {
            return 384;
          }

          @Override
          public float[] embed(String text) {
            Random r = new Random(text.hashCode());
            float[] v = new float[384];
            double s = 0;
            for (int i = 0; i < v.length; i++) {
              v[i] = (float) r.nextGaussian();
              s += v[i] * v[i];
            }
            for (int i = 0; i < v.length; i++) {
              v[i] /= (float) Math.sqrt(s);
            }
            return v;
          }
        };
    TitleVectors vectors = TitleVectors.inMemory(random);
    for (IndexedArticle d : docs) {
      vectors.vector(d.title());
    }
    System.out.printf(Locale.ROOT, "load average %.1f%n", OS.getSystemLoadAverage());
    build("lexical only", docs, null).close();
    build("with 384-d title vectors (cached)", docs, vectors).close();
    System.out.printf(Locale.ROOT, "load average %.1f%n", OS.getSystemLoadAverage());
  }

  private static ArticleIndex build(String what, List<IndexedArticle> docs, TitleVectors v) {
    long c0 = OS.getProcessCpuTime();
    long w0 = System.nanoTime();
    ArticleIndex index =
        ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity(), v);
    index.addAll(docs);
    double cpu = (OS.getProcessCpuTime() - c0) / 1e9;
    double wall = (System.nanoTime() - w0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "build %-42s %d articles: %.1f s wall, %.1f s CPU (%.2f ms CPU per article)%n",
        what,
        docs.size(),
        wall,
        cpu,
        cpu * 1000 / docs.size());
    return index;
  }
}
