package io.frontdesk.core.testing;

import io.frontdesk.core.io.Directories;
import io.frontdesk.core.store.MongoStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Test support shared by every module (core's test-jar): a real embedded store, reached through the
 * real driver, in a throw-away directory.
 */
public final class TestStores {
  private TestStores() {}

  /** A fresh embedded store in a new temporary directory. Close it after the test. */
  public static MongoStore fresh() {
    try {
      Path dir = Files.createTempDirectory("frontdesk-test-");
      // Thousands of stores per build: remove them when the test JVM ends, closed or not.
      Directories.deleteOnExit(dir);
      return MongoStore.embedded(dir, "test_" + UUID.randomUUID().toString().substring(0, 8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
