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
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A developer tool, not a test: the {@code kb bench} corpus and questions against an on-disk index
 * that is kept between runs, so a change to the search path can be profiled (run it under JFR) and
 * its results compared line by line with the previous code's. Run with the test classpath: {@code
 * java -cp knowledge/target/test-classes:knowledge/target/classes:deploy/target/frontdesk.jar
 * io.frontdesk.knowledge.eval.SearchProfile N INDEX_DIR QUERIES RESULTS_FILE}.
 */
public final class SearchProfile {
  private SearchProfile() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    Path results = Path.of(args[3]);
    Random rnd = new Random(42);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
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
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int target = rnd.nextInt(n);
        queries.add(SyntheticCorpus.question(docs.get(target), rnd));
      }
      for (int i = 0; i < 500; i++) {
        engine.search(queries.get(i % queries.size()), Audience.STAFF, 10, null, true);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] cpu = new long[count];
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results))) {
        for (int i = 0; i < count; i++) {
          String q = queries.get(i % queries.size());
          long c = threads.getCurrentThreadCpuTime();
          SearchEngine.Result r = engine.search(q, Audience.STAFF, 10, null, true);
          cpu[i] = threads.getCurrentThreadCpuTime() - c;
          if (i < queries.size()) {
            StringBuilder b = new StringBuilder(q).append('\t');
            b.append(r.answer().map(SearchHit::id).orElse("none"));
            for (SearchHit h : r.hits()) {
              b.append('\t').append(h.id()).append(' ').append(h.score()).append(' ');
              b.append(h.snippet().hashCode());
            }
            out.println(b);
          }
        }
      }
      Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "cpu p50=%.3f ms p90=%.3f ms p99=%.3f ms (%d searches)%n",
          cpu[count / 2] / 1e6,
          cpu[(int) (count * 0.9)] / 1e6,
          cpu[(int) (count * 0.99)] / 1e6,
          count);
    }
  }
}
