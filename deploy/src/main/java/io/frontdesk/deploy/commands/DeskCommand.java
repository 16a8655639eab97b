package io.frontdesk.deploy.commands;

import io.frontdesk.core.config.Settings;
import io.frontdesk.core.io.Directories;
import io.frontdesk.deploy.Command;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code desk bench}: the service desk's speed benchmark (ticket creation and agents' queue pages)
 * on a throw-away embedded store with the durability rule on. See docs/BENCHMARKS.md.
 */
public final class DeskCommand implements Command {
  @Override
  public String name() {
    return "desk";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "desk bench [--tickets N] [--open-percent P] [--seconds S] [--threads T] [--queries Q]"
            + " [--dir DIR] [--wait-for FILE]   creation rate and queue-page latency (default"
            + " 1000000 tickets, 4% open; --dir keeps the seeded store there for the next run;"
            + " --wait-for seeds, then waits for FILE to exist before the timed part)");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws Exception {
    if (args.isEmpty() || !args.get(0).equals("bench")) {
      throw new UsageException(
          args.isEmpty() ? "say what to do" : "unknown desk command '" + args.get(0) + "'");
    }
    System.setOut(err);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    DeskBench.Options o = new DeskBench.Options(1_000_000, 4, 20, 8, 3000);
    List<String> rest = args.subList(1, args.size());
    Path keep = null;
    Path gate = null;
    for (int i = 0; i < rest.size(); i += 2) {
      if (i + 1 >= rest.size()) {
        throw new UsageException(rest.get(i) + " needs a value");
      }
      if (rest.get(i).equals("--dir")) {
        keep = Path.of(rest.get(i + 1));
        continue;
      }
      if (rest.get(i).equals("--wait-for")) {
        gate = Path.of(rest.get(i + 1));
        continue;
      }
      int v = number(rest.get(i), rest.get(i + 1));
      o =
          switch (rest.get(i)) {
            case "--tickets" -> o.withTickets(v);
            case "--open-percent" -> o.withOpenPercent(v);
            case "--seconds" -> o.withSeconds(v);
            case "--threads" -> o.withThreads(v);
            case "--queries" -> o.withQueries(v);
            default -> throw new UsageException("unknown option " + rest.get(i));
          };
    }
    if (keep != null) {
      new DeskBench(o, keep, settings, gate).run(out);
      return 0;
    }
    Path tmp = Files.createTempDirectory("desk-bench-");
    try {
      new DeskBench(o, tmp, settings, gate).run(out);
    } finally {
      Directories.deleteTree(tmp);
    }
    return 0;
  }

  private static int number(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " takes a whole number, got '" + v + "'");
    }
  }
}
