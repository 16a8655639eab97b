package io.frontdesk.deploy.commands;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.io.Directories;
import io.frontdesk.deploy.Command;
import io.frontdesk.deploy.FrontdeskServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * {@code bot-bench [--seconds S] [--concurrency C]}: knowledge questions through {@code POST
 * /api/messages} with {@code expectReplies}, against a server with the demo data in a throw-away
 * directory, side by side with a bare Vert.x endpoint that returns a fixed reply (the ceiling of
 * this machine and client). Prints answers/s, p50 and p99 for both, and the ratio.
 */
public final class BotBenchCommand implements Command {
  static final List<String> QUESTIONS =
      List.of(
          "I'm locked out of my account",
          "how do I add a printer",
          "my laptop won't start",
          "outlook says my mailbox is full",
          "how do I set an out of office reply",
          "the printer has a paper jam",
          "I clicked a suspicious link",
          "how do I get my bitlocker recovery key",
          "my laptop is really slow",
          "how do I restore files in onedrive",
          "how do I share my calendar",
          "my mapped drives have disappeared",
          "teams meeting camera not working",
          "how do I connect to wifi in council buildings",
          "I need to recover a deleted email",
          "how do I report a phishing email");

  /** Settings taken from the environment; everything else is the bench's own. */
  static final List<String> TUNABLE =
      List.of(
          "FRONTDESK_KB_SEARCH_CACHE",
          "FRONTDESK_KB_ARTICLE_CACHE_SECONDS",
          "FRONTDESK_WRITE_BEHIND_MS",
          "FRONTDESK_WRITE_BEHIND_BATCH",
          "FRONTDESK_WRITE_BEHIND_CAPACITY");

  @Override
  public String name() {
    return "bot-bench";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "bot-bench [--seconds S] [--concurrency C]   /api/messages answers/s and p99 vs a bare"
            + " Vert.x ceiling");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws Exception {
    int seconds = 20;
    int concurrency = 32;
    for (int i = 0; i < args.size(); i += 2) {
      if (i + 1 >= args.size()) {
        throw new UsageException(args.get(i) + " needs a value");
      }
      int v;
      try {
        v = Integer.parseInt(args.get(i + 1));
      } catch (NumberFormatException e) {
        throw new UsageException(args.get(i) + " must be a whole number");
      }
      switch (args.get(i)) {
        case "--seconds" -> seconds = v;
        case "--concurrency" -> concurrency = v;
        default -> throw new UsageException("unknown option '" + args.get(i) + "'");
      }
    }
    System.setOut(err);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path dataDir = Files.createTempDirectory("fd-bot-bench-");
    Map<String, String> values =
        new java.util.HashMap<>(
            Map.of(
                "PORT", "0",
                "FRONTDESK_DATA_DIR", dataDir.toString(),
                "FRONTDESK_BASE_URL", "https://frontdesk.example.gov.uk"));
    // The caches and write-behind settings may be varied from the environment, to measure each.
    for (String key : TUNABLE) {
      settings.optional(key).ifPresent(v -> values.put(key, v));
    }
    Settings s = Settings.of(values);
    FrontdeskServer server = FrontdeskServer.start(FrontdeskConfig.load(s), s, true);
    Vertx vertx = Vertx.vertx();
    try {
      byte[] fixed =
          new JsonObject()
              .put(
                  "activities",
                  new JsonArray().add(new JsonObject().put("type", "message").put("text", "OK")))
              .encode()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      HttpServer bare =
          vertx
              .createHttpServer()
              .requestHandler(
                  r ->
                      r.body()
                          .onSuccess(
                              b ->
                                  r.response()
                                      .putHeader("Content-Type", "application/json")
                                      .end(Buffer.buffer(fixed))))
              .listen(0, "127.0.0.1")
              .await();
      HttpClient client =
          vertx.createHttpClient(
              new HttpClientOptions().setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(concurrency));
      out.printf(
          "bot-bench: %d s per run, concurrency %d, %d cores, %s, load average %.2f%n",
          seconds,
          concurrency,
          Runtime.getRuntime().availableProcessors(),
          gcNames(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.flush();
      BenchProbes probes = new BenchProbes(server.context().metrics().registry());
      try {
        // Warm both up (JIT, index caches), then measure each. The bot's warm-up is long enough for
        // C2 to compile the turn's hot paths: with 5 s, compilation was still part of the run.
        load(vertx, client, bare.actualPort(), concurrency, Duration.ofSeconds(3), false, null);
        load(vertx, client, server.port(), concurrency, Duration.ofSeconds(10), true, null);
        load(vertx, client, server.port(), concurrency, Duration.ofSeconds(2), null, null);
        Result ceiling =
            load(
                vertx,
                client,
                bare.actualPort(),
                concurrency,
                Duration.ofSeconds(seconds),
                false,
                null);
        out.println("ceiling (bare Vert.x, fixed reply): " + ceiling);
        out.flush();
        Result bot =
            load(
                vertx,
                client,
                server.port(),
                concurrency,
                Duration.ofSeconds(seconds),
                true,
                probes);
        out.println("bot (/api/messages, expectReplies): " + bot);
        out.flush();
        // The bot's own cost, without the knowledge search: "help" answered from the registry.
        Result help =
            load(
                vertx,
                client,
                server.port(),
                concurrency,
                Duration.ofSeconds(seconds),
                null,
                probes);
        out.println("bot, 'help' (no knowledge search): " + help);
        out.printf(
            "bot / ceiling: %.0f%%; load average now %.2f%n",
            100.0 * bot.perSecond() / ceiling.perSecond(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        bare.close().await();
        return ceiling.errors() + bot.errors() + help.errors() == 0 ? 0 : 1;
      } finally {
        probes.close();
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      server.stop(Duration.ofSeconds(1));
      Directories.deleteTree(dataDir);
    }
  }

  private static String gcNames() {
    return String.join(
        "+",
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.MemoryManagerMXBean::getName)
            .toList());
  }

  /**
   * @param cpuMs process CPU time per request (server and client together): the figure that does
   *     not depend on what else the machine runs
   */
  record Result(
      long requests,
      long errors,
      long unfinished,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double cpuMs,
      BenchProbes.Figures server) {
    @Override
    public String toString() {
      return String.format(
              "%d requests, %.0f answers/s, p50 %.1f ms, p99 %.1f ms, %.2f ms CPU each, %d errors",
              requests, perSecond, p50Ms, p99Ms, cpuMs, errors)
          + (unfinished == 0 ? "" : ", " + unfinished + " requests never finished")
          + (server == null ? "" : "\n    " + server);
    }
  }

  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** How long one request may take before it counts as an error (the bench never stalls). */
  static final long REQUEST_TIMEOUT_MS = 30_000;

  /** A closed loop: {@code concurrency} requests in flight until the time is up. */
  static Result load(
      Vertx vertx,
      HttpClient client,
      int port,
      int concurrency,
      Duration d,
      Boolean bot,
      BenchProbes probes)
      throws Exception {
    BenchProbes.Mark mark = probes == null ? null : probes.mark();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Run run = new Run(vertx, client, port, bot, t0 + d.toNanos());
    for (int w = 0; w < concurrency; w++) {
      run.running.incrementAndGet();
    }
    for (int w = 0; w < concurrency; w++) {
      run.next(w);
    }
    // Every request ends (answered, failed or abandoned by the watchdog), so the loop ends soon
    // after the deadline; the margin only matters if the client itself is lost.
    try {
      run.all.future().await(d.toMillis() + 3 * REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // Reported below as requests that never finished.
    }
    // Throughput over the run's own window: a request lost by the client and abandoned by the
    // watchdog (35 s later) counts as an error, but does not stretch the window it is divided by.
    double secs = d.toNanos() / 1e9;
    double cpuMs = (cpuNanos() - cpu0) / 1e6;
    long[] sorted = run.latencies.sorted();
    int count = sorted.length;
    if (!run.abandoned.isEmpty()) {
      System.err.println(
          "bot-bench: requests abandoned after "
              + (REQUEST_TIMEOUT_MS + WATCHDOG_GRACE_MS)
              + " ms, by the stage they had reached: "
              + run.abandoned);
    }
    return new Result(
        count,
        run.errors.get(),
        run.running.get(),
        run.inWindow.get() / secs,
        count == 0 ? 0 : sorted[count / 2] / 1e6,
        count == 0 ? 0 : sorted[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6,
        count == 0 ? 0 : cpuMs / count,
        mark == null ? null : mark.since());
  }

  /** Past the client's own timeouts: a request still open then is abandoned by the bench. */
  static final long WATCHDOG_GRACE_MS = 5_000;

  /** Request latencies in nanoseconds, from several event-loop threads. */
  static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized long[] sorted() {
      long[] s = Arrays.copyOf(values, size);
      Arrays.sort(s);
      return s;
    }
  }

  /**
   * One timed run. Each request ends once: answered, failed (the client's connect and idle
   * timeouts), or abandoned by a watchdog timer of the bench's own, which does not rely on the
   * client's timeouts and records how far the request got, so a lost reply is counted and located
   * instead of stalling the run.
   */
  static final class Run {
    final Vertx timers;
    final HttpClient client;
    final int port;
    final Boolean bot;
    final long end;
    final Latencies latencies = new Latencies();

    /** Requests answered before the run's deadline. */
    final AtomicLong inWindow = new AtomicLong();

    final AtomicLong errors = new AtomicLong();
    final AtomicInteger running = new AtomicInteger();
    final Promise<Void> all = Promise.promise();
    final Map<String, Integer> abandoned = new java.util.concurrent.ConcurrentHashMap<>();

    Run(Vertx timers, HttpClient client, int port, Boolean bot, long end) {
      this.timers = timers;
      this.client = client;
      this.port = port;
      this.bot = bot;
      this.end = end;
    }

    void next(int worker) {
      if (System.nanoTime() >= end) {
        if (running.decrementAndGet() == 0) {
          all.tryComplete();
        }
        return;
      }
      long start = System.nanoTime();
      java.util.concurrent.atomic.AtomicBoolean done =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicReference<String> stage =
          new java.util.concurrent.atomic.AtomicReference<>("waiting for a connection");
      Future<Buffer> f;
      try {
        String text =
            bot == null
                ? "help"
                : QUESTIONS.get((int) ((start / 1000 + worker) % QUESTIONS.size()));
        String body = activity(text, worker).encode();
        f =
            client
                .request(
                    new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI("/api/messages")
                        .setConnectTimeout(REQUEST_TIMEOUT_MS)
                        .setIdleTimeout(REQUEST_TIMEOUT_MS)
                        .putHeader("Content-Type", "application/json"))
                .compose(
                    req -> {
                      stage.set("sending");
                      return req.send(body);
                    })
                .compose(
                    res -> {
                      stage.set("reading the body of a " + res.statusCode());
                      if (res.statusCode() != 200) {
                        errors.incrementAndGet();
                      }
                      return res.body();
                    });
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      long watchdog =
          timers.setTimer(
              REQUEST_TIMEOUT_MS + WATCHDOG_GRACE_MS,
              id -> {
                if (done.compareAndSet(false, true)) {
                  errors.incrementAndGet();
                  abandoned.merge(stage.get(), 1, Integer::sum);
                  latencies.add(System.nanoTime() - start);
                  next(worker);
                }
              });
      f.onComplete(
          r -> {
            if (!done.compareAndSet(false, true)) {
              return;
            }
            timers.cancelTimer(watchdog);
            try {
              if (r.failed()) {
                errors.incrementAndGet();
                if (errors.get() <= 3) {
                  System.err.println("bot-bench: request failed: " + r.cause());
                }
              } else if (!Boolean.FALSE.equals(bot)
                  && !r.result().toString().contains("activities")) {
                errors.incrementAndGet();
              }
              long now = System.nanoTime();
              latencies.add(now - start);
              if (now <= end) {
                inWindow.incrementAndGet();
              }
            } catch (RuntimeException e) {
              errors.incrementAndGet();
            }
            next(worker);
          });
    }
  }

  /** A Teams personal-chat question from a demo user, with a fresh id, answered in the body. */
  static JsonObject activity(String text, int worker) {
    return new JsonObject()
        .put("type", "message")
        .put("id", UUID.randomUUID().toString())
        .put("timestamp", "2026-11-30T10:00:00.000Z")
        .put("serviceUrl", "https://smba.trafficmanager.net/amer/")
        .put("channelId", "msteams")
        .put("deliveryMode", "expectReplies")
        .put(
            "from",
            new JsonObject()
                .put("id", "29:bench-" + worker)
                .put("name", "Priya Shah")
                .put("aadObjectId", "6d415fdd-f97e-4f70-ac45-e69601e4ecb2"))
        .put(
            "conversation",
            new JsonObject().put("conversationType", "personal").put("id", "a:bench-" + worker))
        .put("recipient", new JsonObject().put("id", "28:frontdesk").put("name", "Frontdesk"))
        .put("text", text);
  }
}
