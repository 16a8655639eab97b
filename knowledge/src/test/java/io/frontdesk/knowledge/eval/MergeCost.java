package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.RelevanceModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What {@code IndexCompaction}'s merge costs: N generated articles published one by one into an
 * index on disk (a reopen every 1,000, as a burst of imports does), then one merge into one
 * segment, timed, with the process's CPU, the heap's peak during the merge and the index's size on
 * disk. Usage: {@code MergeCost N DIR} (DIR is deleted first and afterwards).
 */
public final class MergeCost {
  private MergeCost() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    delete(dir);
    List<IndexedArticle> docs = new SyntheticCorpus().articles(n, new Random(42));
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (ArticleIndex index =
        ArticleIndex.open(dir, new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long gen = index.upsert(docs.get(i));
        if (i % 1000 == 999 || i == n - 1) {
          index.awaitSearchable(gen);
        }
      }
      index.commit();
      System.out.printf(
          Locale.ROOT,
          "published %d one by one in %.1f s: %d segments, %.1f MB on disk%n",
          n,
          (System.nanoTime() - t0) / 1e9,
          index.segments(),
          size(dir) / 1e6);
      System.gc();
      long before = heapUsed();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        p.resetPeakUsage();
      }
      long cpu = os.getProcessCpuTime();
      long t1 = System.nanoTime();
      index.mergeToOneSegment();
      long wall = System.nanoTime() - t1;
      cpu = os.getProcessCpuTime() - cpu;
      long peak = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          peak += p.getPeakUsage().getUsed();
        }
      }
      System.out.printf(
          Locale.ROOT,
          "merged into %d segment in %.2f s wall, %.2f s CPU; heap in use %.0f MB before, peak"
              + " %.0f MB during (garbage included); %.1f MB on disk after%n",
          index.segments(),
          wall / 1e9,
          cpu / 1e9,
          before / 1e6,
          peak / 1e6,
          size(dir) / 1e6);
    } finally {
      delete(dir);
    }
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void delete(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
