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
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A developer tool, not a test: the tail of the search CPU time (p99, p99.9) over many distinct
 * {@code kb bench} questions, each asked once after a warm-up on other questions, so the rare slow
 * query shows instead of being averaged away or answered from a warm per-reader cache; prints the
 * slowest questions too. The on-disk index is kept between runs. Run with the test classpath:
 * {@code java -cp
 * knowledge/target/test-classes:knowledge/target/classes:deploy/target/frontdesk.jar
 * io.frontdesk.knowledge.eval.TailLab N INDEX_DIR QUESTIONS RESULTS_FILE}.
 */
public final class TailLab {
  private TailLab() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    Path results = Path.of(args[3]);
    Random rnd = new Random(42);
    List<IndexedArticle> docs = new SyntheticCorpus().articles(n, rnd);
    boolean exists = Files.isDirectory(dir);
    RelevanceModel model = RelevanceModel.PRODUCTION;
    try (ArticleIndex index = ArticleIndex.open(dir, new KnowledgeAnalyzer(), model.similarity())) {
      if (!exists || index.size() != n) {
        long t0 = System.nanoTime();
        index.rebuild(docs, n);
        System.out.printf(Locale.ROOT, "built %d in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      }
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      SearchEngine engine = new SearchEngine(index, model, () -> syn, Confidence.PRODUCTION, "");
      List<String> warm = SyntheticCorpus.questions(docs, 2000, rnd);
      List<String> queries = SyntheticCorpus.questions(docs, count, rnd);
      for (String q : warm) {
        engine.search(q, Audience.STAFF, 10, null, true);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] cpu = new long[count];
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results))) {
        for (int i = 0; i < count; i++) {
          String q = queries.get(i);
          long c = threads.getCurrentThreadCpuTime();
          SearchEngine.Result r = engine.search(q, Audience.STAFF, 10, null, true);
          cpu[i] = threads.getCurrentThreadCpuTime() - c;
          StringBuilder b = new StringBuilder(q).append('\t');
          b.append(r.answer().map(SearchHit::id).orElse("none"));
          for (SearchHit h : r.hits()) {
            b.append('\t').append(h.id()).append(' ').append(h.score()).append(' ');
            b.append(h.snippet().hashCode());
          }
          out.println(b);
        }
      }
      Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingLong((Integer i) -> cpu[i]).reversed());
      long[] sorted = cpu.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "n=%d cpu p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms mean=%.3f ms (%d questions)%n",
          n,
          sorted[count / 2] / 1e6,
          sorted[(int) (count * 0.9)] / 1e6,
          sorted[(int) (count * 0.99)] / 1e6,
          sorted[(int) (count * 0.999)] / 1e6,
          Arrays.stream(cpu).average().orElse(0) / 1e6,
          count);
      List<String> slowest = new ArrayList<>();
      for (int k = 0; k < Math.min(15, count); k++) {
        slowest.add(
            String.format(Locale.ROOT, "%7.3f ms  %s", cpu[order[k]] / 1e6, queries.get(order[k])));
      }
      slowest.forEach(System.out::println);
    }
  }
}
