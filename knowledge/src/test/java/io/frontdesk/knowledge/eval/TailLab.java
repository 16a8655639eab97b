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
 * {@code kb bench} questions, each asked once after a warm-up (at least 15 s) on other questions,
 * so the rare slow query shows instead of being averaged away or answered from a warm per-reader
 * cache; prints the slowest questions too. The on-disk index is kept between runs. Run with the
 * test classpath: {@code java -cp
 * knowledge/target/test-classes:knowledge/target/classes:deploy/target/frontdesk.jar
 * io.frontdesk.knowledge.eval.TailLab N INDEX_DIR QUESTIONS RESULTS_FILE [VARIANT...]}. Variants
 * are {@code name:component=value,...} over the production model as in {@link RelevanceLab} (or a
 * plain name for production itself; {@code plain} is production with Lucene's own term queries
 * instead of the cached block maxima), interleaved question by question in one JVM; the results
 * file holds the first variant's lists.
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
      if (!index.compact()) {
        // As the server's compaction does a few seconds after a rebuild.
        long t0 = System.nanoTime();
        index.mergeToOneSegment();
        System.out.printf(Locale.ROOT, "grouped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      }
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      List<String> names = new ArrayList<>();
      List<SearchEngine> engines = new ArrayList<>();
      for (int v = 4; v < Math.max(5, args.length); v++) {
        String spec = v < args.length ? args[v] : "production";
        int colon = spec.indexOf(':');
        RelevanceModel m = colon < 0 ? model : RelevanceLab.with(model, spec.substring(colon + 1));
        String name = colon < 0 ? spec : spec.substring(0, colon);
        names.add(name);
        engines.add(
            new SearchEngine(
                index, m, () -> syn, Confidence.PRODUCTION, "", null, !name.equals("plain")));
      }
      int variants = engines.size();
      List<String> warm = SyntheticCorpus.questions(docs, 2000, rnd);
      List<String> queries = SyntheticCorpus.questions(docs, count, rnd);
      // At least 15 s, as kb bench waits for the JIT to settle: a shorter warm-up timed the
      // compiler's late work (deoptimised methods running slowly for a while) as search time.
      long warmUntil = System.nanoTime() + 15_000_000_000L;
      for (int w = 0; w < warm.size() || System.nanoTime() < warmUntil; w++) {
        for (SearchEngine e : engines) {
          e.search(warm.get(w % warm.size()), Audience.STAFF, 10, null, true);
        }
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[][] cpu = new long[variants][count];
      int[] differ = new int[variants];
      int[] topDiffer = new int[variants];
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results))) {
        for (int i = 0; i < count; i++) {
          String q = queries.get(i);
          String[] lines = new String[variants];
          String[] tops = new String[variants];
          // Variants take turns going first, so none is always the one with a cold cache.
          for (int k = 0; k < variants; k++) {
            int v = (i + k) % variants;
            long c = threads.getCurrentThreadCpuTime();
            SearchEngine.Result r =
                engines.get(v).search(q, Audience.STAFF, 10, null, !names.get(v).equals("nosnip"));
            cpu[v][i] = threads.getCurrentThreadCpuTime() - c;
            StringBuilder b = new StringBuilder();
            b.append(r.answer().map(SearchHit::id).orElse("none"));
            for (SearchHit h : r.hits()) {
              b.append('\t').append(h.id()).append(' ').append(h.score()).append(' ');
              b.append(h.snippet().hashCode());
            }
            lines[v] = b.toString();
            tops[v] = r.hits().isEmpty() ? "" : r.hits().get(0).id();
          }
          for (int v = 1; v < variants; v++) {
            differ[v] += lines[v].equals(lines[0]) ? 0 : 1;
            topDiffer[v] += tops[v].equals(tops[0]) ? 0 : 1;
          }
          out.println(q + '\t' + lines[0]);
        }
      }
      for (int v = 0; v < variants; v++) {
        report(n, names.get(v), cpu[v], queries, differ[v], topDiffer[v]);
      }
    }
  }

  private static void report(
      int n, String name, long[] cpu, List<String> queries, int differ, int topDiffer) {
    int count = cpu.length;
    Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> cpu[i]).reversed());
    long[] sorted = cpu.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s n=%d cpu p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms mean=%.3f ms (%d"
            + " questions; lists differing from the first variant %d, top hit %d)%n",
        name,
        n,
        sorted[count / 2] / 1e6,
        sorted[(int) (count * 0.9)] / 1e6,
        sorted[(int) (count * 0.99)] / 1e6,
        sorted[(int) (count * 0.999)] / 1e6,
        Arrays.stream(cpu).average().orElse(0) / 1e6,
        count,
        differ,
        topDiffer);
    for (int k = 0; k < Math.min(15, count); k++) {
      System.out.printf(
          Locale.ROOT, "  %7.3f ms  %s%n", cpu[order[k]] / 1e6, queries.get(order[k]));
    }
  }
}
