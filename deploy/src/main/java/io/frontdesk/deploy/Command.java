package io.frontdesk.deploy;

import io.frontdesk.core.config.Settings;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code ./frontdesk}. Its name and usage drive dispatch and the usage text. */
public interface Command {
  /** The first word, e.g. "serve" or "kb". */
  String name();

  /** One or more usage lines, e.g. "serve [--demo]". */
  List<String> usage();

  /** Runs the command; returns the process exit code (2 for bad usage). */
  int run(List<String> args, Settings settings, PrintStream out, PrintStream err) throws Exception;

  /** Thrown for bad arguments; the launcher prints the message and the usage, then exits 2. */
  final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
