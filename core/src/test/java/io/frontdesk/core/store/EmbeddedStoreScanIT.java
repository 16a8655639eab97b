package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store reads a collection larger than the heap: a child JVM with an 80 MB heap fills
 * a store file with 60,000 ticket-like documents (about 100 MB once decoded) and reads a sorted
 * page, counts, an aggregation and an unsorted page over them. mongo-java-server's own collection,
 * and this store before {@link BoundedH2Collection}, ran out of memory on each of the first three
 * (run {@link ScanChild} by hand with the old classes to see it).
 */
class EmbeddedStoreScanIT {
  private static final int DOCUMENTS = 60_000;

  @Test
  void scansOfACollectionLargerThanTheHeapSucceed(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx80m",
                "-cp",
                cp,
                ScanChild.class.getName(),
                dir.toString(),
                Integer.toString(DOCUMENTS),
                "bounded")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    try {
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      out.lines().filter(l -> l.matches("[A-Z]+( .*)?")).forEach(lines::add);
      assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
    } finally {
      // Never leave a child behind if an assertion or the read fails, nor one still writing to the
      // directory when JUnit deletes it.
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    }
    long open = DOCUMENTS - DOCUMENTS / 5;
    assertThat(lines)
        .containsExactly(
            "PAGE 25 " + expectedFirstOfPage(),
            "COUNT " + open,
            "COUNTCMD " + open,
            "GROUPS 160",
            "UNSORTED 25",
            "DONE");
    assertThat(child.exitValue()).isZero();
  }

  /** The 101st largest "updated" among the open tickets, as {@link ScanChild} writes them. */
  private static long expectedFirstOfPage() {
    return LongStream.range(0, DOCUMENTS)
        .filter(i -> i % 5 != 0)
        .map(i -> (i * 7919L) % DOCUMENTS)
        .boxed()
        .sorted(Comparator.reverseOrder())
        .skip(100)
        .findFirst()
        .orElseThrow();
  }
}
