package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability rule, tested for real: a child JVM writes to the embedded store and is killed with
 * SIGKILL mid-stream; every write it saw acknowledged must be there when the store reopens. While
 * the child runs, a second opener on the same directory must fail fast and name it.
 */
class EmbeddedStoreDurabilityIT {

  @Test
  void everyAcknowledgedWriteSurvivesKill9(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // No perf-data file (hsperfdata_<user>/<pid> under java.io.tmpdir): a killed JVM cannot remove
    // its own.
    Process child =
        new ProcessBuilder(
                java,
                "-XX:-UsePerfData",
                "-cp",
                cp,
                DurabilityChild.class.getName(),
                dir.toString())
            .redirectErrorStream(false)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Set<Integer> acknowledged = new HashSet<>();
    try {
      readUntilKilled(child, dir, acknowledged);
    } finally {
      // Never leak a writer that would fill the disk if an assertion fails part-way.
      child.toHandle().destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);

    try (MongoStore reopened = MongoStore.embedded(dir, "durability")) {
      Set<Integer> stored = new HashSet<>();
      for (Document d : reopened.database().getCollection("writes").find()) {
        stored.add(d.getInteger("_id"));
      }
      assertThat(stored).containsAll(acknowledged);
    }
  }

  private static void readUntilKilled(Process child, Path dir, Set<Integer> acknowledged)
      throws Exception {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String first;
      do { // log lines share stdout with the protocol
        first = out.readLine();
      } while (first != null && !first.equals("READY"));
      assertThat(first).isEqualTo("READY");

      // A second server on the same directory fails fast, naming it, and changes nothing.
      assertThatThrownBy(() -> MongoStore.embedded(dir, "durability"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use by another Frontdesk process");

      String line;
      while ((line = out.readLine()) != null && acknowledged.size() < 400) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(Integer.parseInt(line.substring(4)));
        }
      }
      // SIGKILL: no shutdown hooks, no final commit. The handle (unlike Process.destroyForcibly)
      // leaves our end of the pipe open, so acknowledgements already written can still be read.
      child.toHandle().destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      // Lines already written to the pipe before the kill were acknowledged too.
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(Integer.parseInt(line.substring(4)));
        }
      }
    }
  }

  @Test
  void theLockIsReleasedOnCloseSoTheStoreReopensWithItsData(@TempDir Path dir) {
    try (MongoStore first = MongoStore.embedded(dir, "db")) {
      first.database().getCollection("c").insertMany(List.of(new Document("_id", 1)));
      assertThatThrownBy(() -> MongoStore.embedded(dir, "db")).hasMessageContaining(dir.toString());
    }
    try (MongoStore second = MongoStore.embedded(dir, "db")) {
      assertThat(second.database().getCollection("c").countDocuments()).isEqualTo(1);
    }
  }
}
