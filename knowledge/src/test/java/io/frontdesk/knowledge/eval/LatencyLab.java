package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.Synonyms;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Developer tool (not a test): CPU time per search of ranking variants on one in-memory index of
 * {@code kb bench}'s synthetic corpus, the variants interleaved query by query so the machine's
 * load falls on each alike. Args: size, then variants as in {@link RelevanceLab}.
 */
public final class LatencyLab {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Random rnd = new Random(42);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
    List<String> queries = SyntheticCorpus.questions(docs, 1500, rnd);
    int v = args.length - 1;
    List<SearchEngine> engines = new ArrayList<>();
    try (ArticleIndex index =
        ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      index.addAll(docs);
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      for (int k = 1; k < args.length; k++) {
        String[] nv = args[k].split(":", 2);
        RelevanceModel m =
            nv.length > 1
                ? RelevanceLab.with(RelevanceModel.PRODUCTION, nv[1])
                : RelevanceModel.PRODUCTION;
        engines.add(new SearchEngine(index, m, () -> syn, Confidence.PRODUCTION, ""));
      }
      long[][] cpu = new long[v][1000];
      for (int i = 0; i < queries.size(); i++) {
        for (int k = 0; k < v; k++) {
          long c0 = THREADS.getCurrentThreadCpuTime();
          engines.get(k).search(queries.get(i), Audience.STAFF, 10, null, true);
          if (i >= 500) {
            cpu[k][i - 500] = THREADS.getCurrentThreadCpuTime() - c0;
          }
        }
      }
      for (int k = 0; k < v; k++) {
        long[] c = cpu[k];
        Arrays.sort(c);
        System.out.printf(
            Locale.ROOT,
            "%-10s n=%d CPU per search p50 %.2f ms p99 %.2f ms mean %.2f ms%n",
            args[k + 1].split(":")[0],
            n,
            c[500] / 1e6,
            c[990] / 1e6,
            Arrays.stream(c).average().orElse(0) / 1e6);
      }
    }
  }
}
