package io.frontdesk.deploy.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The demo mail drop (one file per message) read as the recipients would; waits for new files. */
final class MailDrop {
  private MailDrop() {}

  /** The first message to {@code email} that passes {@code test}, waiting up to 20 s for it. */
  static String await(Path dataDir, String email, Predicate<String> test) throws Exception {
    Path drop = dataDir.resolve("maildrop");
    Files.createDirectories(drop);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    try (WatchService watch = drop.getFileSystem().newWatchService()) {
      drop.register(
          watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (Instant.now().isBefore(deadline)) {
        Optional<String> found = find(drop, email, test);
        if (found.isPresent()) {
          return found.get();
        }
        WatchKey key = watch.poll(1, TimeUnit.SECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
    throw new AssertionError("no matching mail to " + email);
  }

  private static Optional<String> find(Path drop, String email, Predicate<String> test)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(drop)) {
      files = s.filter(p -> p.getFileName().toString().contains(email)).sorted().toList();
    }
    for (Path f : files) {
      String text = Files.readString(f);
      if (test.test(text)) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }
}
