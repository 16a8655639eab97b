package io.frontdesk.knowledge.eval;

import com.sun.management.OperatingSystemMXBean;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.RelevanceModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * A developer tool, not a test: the index build alone ({@link ArticleIndex#rebuild} of {@code N}
 * synthetic articles into a scratch directory), its rate, CPU and size on disk, without the rest of
 * {@code kb bench}, so that two builds of the code can be alternated in the same minutes. Run with
 * the test classpath: {@code java -Xmx2g -cp
 * knowledge/target/test-classes:knowledge/target/classes:deploy/target/frontdesk.jar
 * io.frontdesk.knowledge.eval.BuildLab N [LABEL]}.
 */
public final class BuildLab {
  private BuildLab() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    String label = args.length > 1 ? args[1] : "build";
    List<IndexedArticle> docs = new SyntheticCorpus().articles(n, new Random(42));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path dir = Files.createTempDirectory("buildlab");
    try (ArticleIndex index =
        ArticleIndex.open(dir, new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      index.rebuild(docs, n);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - c0) / 1e9;
      long bytes = 0;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          bytes += Files.size(p);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d articles at %.0f/s (%.1f s wall, %.1f s CPU: %.0f per CPU-second), %d MB%n",
          label,
          n,
          n / wall,
          wall,
          cpu,
          n / cpu,
          bytes >> 20);
    } finally {
      IOUtils.rm(dir);
    }
  }
}
