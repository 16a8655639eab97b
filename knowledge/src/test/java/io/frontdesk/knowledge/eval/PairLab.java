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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Developer tool (not a test): the search CPU of ranking variants on one in-memory index of {@code
 * kb bench}'s synthetic corpus, built as production builds it (bulk rebuild, one segment), the
 * variants interleaved question by question so the machine's load falls on each alike, with how
 * many result lists differ from the first variant's and Hit@1 / Hit@10 of each. Prints the build's
 * process CPU too. Args: size, questions (after 500 warm-up), then variants {@code
 * name[:field=value,...]} over {@link RelevanceModel#PRODUCTION}. With {@code -Ddir=DIR} the index
 * is kept on disk and reused by the next run of the same size.
 */
public final class PairLab {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int timed = Integer.parseInt(args[1]);
    Random rnd = new Random(42);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
    List<String> queries = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      IndexedArticle t = docs.get(rnd.nextInt(n));
      queries.add(SyntheticCorpus.question(t, rnd));
      targets.add(t.id());
    }
    int v = args.length - 2;
    KnowledgeAnalyzer analyzer = new KnowledgeAnalyzer();
    String dir = System.getProperty("dir");
    try (ArticleIndex index =
        dir == null
            ? ArticleIndex.inMemory(analyzer, RelevanceModel.PRODUCTION.similarity())
            : ArticleIndex.open(
                java.nio.file.Path.of(dir), analyzer, RelevanceModel.PRODUCTION.similarity())) {
      if (index.size() == n) {
        System.out.println("index reused");
      } else {
        long c0 =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        long w0 = System.nanoTime();
        index.rebuild(docs, n);
        long c1 =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        System.out.printf(
            Locale.ROOT,
            "build %d: %.1f s wall, %.1f s process CPU, %.0f articles per CPU-second%n",
            n,
            (System.nanoTime() - w0) / 1e9,
            (c1 - c0) / 1e9,
            n / ((c1 - c0) / 1e9));
      }
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      List<SearchEngine> engines = new ArrayList<>();
      for (int k = 2; k < args.length; k++) {
        String[] nv = args[k].split(":", 2);
        RelevanceModel m =
            nv.length > 1
                ? RelevanceLab.with(RelevanceModel.PRODUCTION, nv[1])
                : RelevanceModel.PRODUCTION;
        engines.add(new SearchEngine(index, m, () -> syn, Confidence.PRODUCTION, ""));
      }
      for (int i = 0; i < 500; i++) {
        for (SearchEngine e : engines) {
          e.search(queries.get(i % 1000), Audience.STAFF, 10, null, true);
        }
      }
      long[][] cpu = new long[v][timed];
      int[] differ = new int[v];
      int[] topDiffer = new int[v];
      int[] hit1 = new int[v];
      int[] hit10 = new int[v];
      for (int i = 0; i < timed; i++) {
        String q = queries.get(i % 1000);
        List<String> first = null;
        for (int k = 0; k < v; k++) {
          long t0 = THREADS.getCurrentThreadCpuTime();
          SearchEngine.Result r = engines.get(k).search(q, Audience.STAFF, 10, null, true);
          cpu[k][i] = THREADS.getCurrentThreadCpuTime() - t0;
          if (i < 1000) {
            List<String> ids = r.hits().stream().map(SearchHit::id).toList();
            if (k == 0) {
              first = ids;
            } else {
              differ[k] += ids.equals(first) ? 0 : 1;
              topDiffer[k] +=
                  !ids.isEmpty() && !first.isEmpty() && ids.get(0).equals(first.get(0)) ? 0 : 1;
            }
            hit1[k] += !ids.isEmpty() && ids.get(0).equals(targets.get(i)) ? 1 : 0;
            hit10[k] += ids.contains(targets.get(i)) ? 1 : 0;
          }
        }
      }
      int judged = Math.min(timed, 1000);
      for (int k = 0; k < v; k++) {
        long[] c = cpu[k];
        Arrays.sort(c);
        System.out.printf(
            Locale.ROOT,
            "%-12s CPU p50 %.2f p90 %.2f p99 %.2f mean %.2f ms | lists differing %d, top differing"
                + " %d of %d | Hit@1 %.3f Hit@10 %.3f%n",
            args[k + 2].split(":")[0],
            c[timed / 2] / 1e6,
            c[(int) (timed * 0.9)] / 1e6,
            c[(int) (timed * 0.99)] / 1e6,
            Arrays.stream(c).average().orElse(0) / 1e6,
            differ[k],
            topDiffer[k],
            judged,
            hit1[k] / (double) judged,
            hit10[k] / (double) judged);
      }
    }
  }
}
