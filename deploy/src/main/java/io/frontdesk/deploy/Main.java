package io.frontdesk.deploy;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.store.StoreException;
import io.frontdesk.deploy.commands.BotBenchCommand;
import io.frontdesk.deploy.commands.CdsTrainCommand;
import io.frontdesk.deploy.commands.DeskCommand;
import io.frontdesk.deploy.commands.KbCommand;
import io.frontdesk.deploy.commands.ServeCommand;
import io.frontdesk.deploy.commands.TeamsPackageCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The composition root and the entry point of {@code ./frontdesk}. */
public final class Main {
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err, List<Command> commands) {
    this.out = out;
    this.err = err;
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  public static void main(String[] args) {
    Main main =
        new Main(
            System.out,
            System.err,
            List.of(
                new ServeCommand(),
                new KbCommand(),
                new DeskCommand(),
                new TeamsPackageCommand(),
                new BotBenchCommand(),
                new CdsTrainCommand()));
    int code = main.run(args, Settings.fromEnvironment());
    System.exit(code);
  }

  int run(String[] args, Settings settings) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      printUsage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("frontdesk: unknown command '" + args[0] + "'");
      printUsage(err);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return command.run(rest, settings, out, err);
    } catch (Command.UsageException e) {
      err.println("frontdesk " + command.name() + ": " + e.getMessage());
      err.println("usage:");
      command.usage().forEach(u -> err.println("  ./frontdesk " + u));
      return 2;
    } catch (ConfigException | StoreException e) {
      err.println("frontdesk: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("frontdesk " + command.name() + " failed: " + e);
      return 1;
    }
  }

  private void printUsage(PrintStream to) {
    to.println("usage:");
    commands.values().forEach(c -> c.usage().forEach(u -> to.println("  ./frontdesk " + u)));
    to.println("See README.md for the environment variables.");
  }
}
