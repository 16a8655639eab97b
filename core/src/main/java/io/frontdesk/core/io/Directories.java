package io.frontdesk.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Throw-away directories: benchmarks and tests remove what they create. */
public final class Directories {
  private Directories() {}

  /** Deletes a directory and everything under it; a missing directory is not an error. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      // Deepest first, so every directory is empty by the time it is deleted.
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path p : paths) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Deletes the directory when the JVM exits, for stores a test may leave open: on Linux an open
   * file's data lives on until it is closed, so deleting under it is safe.
   */
  public static void deleteOnExit(Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    deleteTree(dir);
                  } catch (UncheckedIOException e) {
                    // Best effort at exit: a file still being written may refuse; nothing to tell.
                  }
                },
                "delete " + dir.getFileName()));
  }
}
