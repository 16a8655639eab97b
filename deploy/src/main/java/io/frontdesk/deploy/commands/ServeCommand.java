package io.frontdesk.deploy.commands;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.deploy.Command;
import io.frontdesk.deploy.FrontdeskServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code serve [--demo]}: runs the server until SIGTERM or SIGINT, then stops accepting, lets
 * in-flight requests finish, flushes and closes the index and the store, and exits 0.
 */
public final class ServeCommand implements Command {
  /** How long in-flight requests get to finish after SIGTERM; the whole stop stays under 10 s. */
  static final Duration DRAIN = Duration.ofSeconds(6);

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public List<String> usage() {
    return List.of("serve [--demo]      start the server (bot, portal, API) on $PORT");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws Exception {
    boolean demo = false;
    for (String a : args) {
      if (a.equals("--demo")) {
        demo = true;
      } else {
        throw new UsageException("unknown option '" + a + "'");
      }
    }
    FrontdeskConfig config = FrontdeskConfig.load(settings);
    // Logback reads the format when the first logger is made, so set it before that happens.
    System.setProperty(FrontdeskConfig.LOG_FORMAT, config.logFormat());
    Logger log = LoggerFactory.getLogger(ServeCommand.class);

    FrontdeskServer server = FrontdeskServer.start(config, settings, demo);
    CountDownLatch stopped = new CountDownLatch(1);
    SignalHandler stop =
        signal -> {
          log.info("SIG{} received: stopping", signal.getName());
          Thread stopper =
              new Thread(
                  () -> {
                    server.stop(DRAIN);
                    stopped.countDown();
                  },
                  "frontdesk-stop");
          stopper.start();
        };
    Signal.handle(new Signal("TERM"), stop);
    Signal.handle(new Signal("INT"), stop);
    stopped.await();
    log.info("Stopped cleanly");
    return 0;
  }
}
