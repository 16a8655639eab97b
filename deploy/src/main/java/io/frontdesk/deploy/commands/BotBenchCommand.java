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
          "bot-bench: %d s per run, concurrency %d, %d cores%n",
          seconds, concurrency, Runtime.getRuntime().availableProcessors());
      // Warm both up (JIT, index caches), then measure each.
      load(client, bare.actualPort(), concurrency, Duration.ofSeconds(3), false);
      load(client, server.port(), concurrency, Duration.ofSeconds(5), true);
      Result ceiling =
          load(client, bare.actualPort(), concurrency, Duration.ofSeconds(seconds), false);
      Result bot = load(client, server.port(), concurrency, Duration.ofSeconds(seconds), true);
      // The bot's own cost, without the knowledge search: "help" answered from the registry.
      Result help = load(client, server.port(), concurrency, Duration.ofSeconds(seconds), null);
      out.println("ceiling (bare Vert.x, fixed reply): " + ceiling);
      out.println("bot (/api/messages, expectReplies): " + bot);
      out.println("bot, 'help' (no knowledge search): " + help);
      out.printf("bot / ceiling: %.0f%%%n", 100.0 * bot.perSecond() / ceiling.perSecond());
      bare.close().await();
      return bot.errors() == 0 ? 0 : 1;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      server.stop(Duration.ofSeconds(1));
      Directories.deleteTree(dataDir);
    }
  }

  /**
   * @param cpuMs process CPU time per request (server and client together): the figure that does
   *     not depend on what else the machine runs
   */
  record Result(
      long requests, long errors, double perSecond, double p50Ms, double p99Ms, double cpuMs) {
    @Override
    public String toString() {
      return String.format(
          "%d requests, %.0f answers/s, p50 %.1f ms, p99 %.1f ms, %.2f ms CPU each, %d errors",
          requests, perSecond, p50Ms, p99Ms, cpuMs, errors);
    }
  }

  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** A closed loop: {@code concurrency} requests in flight until the time is up. */
  static Result load(HttpClient client, int port, int concurrency, Duration d, Boolean bot)
      throws Exception {
    long end = System.nanoTime() + d.toNanos();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    long[] latencies = new long[4_000_000];
    AtomicInteger n = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(concurrency);
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      loop(client, port, bot, worker, end, latencies, n, errors, running, all);
    }
    // In-flight requests finish after the deadline; on a saturated machine that can take long.
    all.future().await(d.toMillis() + 300_000, TimeUnit.MILLISECONDS);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuMs = (cpuNanos() - cpu0) / 1e6;
    int count = Math.min(n.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return new Result(
        count,
        errors.get(),
        count / secs,
        count == 0 ? 0 : sorted[count / 2] / 1e6,
        count == 0 ? 0 : sorted[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6,
        count == 0 ? 0 : cpuMs / count);
  }

  private static void loop(
      HttpClient client,
      int port,
      Boolean bot,
      int worker,
      long end,
      long[] latencies,
      AtomicInteger n,
      AtomicLong errors,
      AtomicInteger running,
      Promise<Void> all) {
    if (System.nanoTime() >= end) {
      if (running.decrementAndGet() == 0) {
        all.tryComplete();
      }
      return;
    }
    int i = n.get();
    String text = bot == null ? "help" : QUESTIONS.get((i + worker) % QUESTIONS.size());
    String body = activity(text, worker).encode();
    long start = System.nanoTime();
    Future<Buffer> f =
        client
            .request(
                new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setURI("/api/messages")
                    .putHeader("Content-Type", "application/json"))
            .compose(req -> req.send(body))
            .compose(
                res -> {
                  if (res.statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                  return res.body();
                });
    f.onComplete(
        r -> {
          if (r.failed()) {
            errors.incrementAndGet();
          } else if (!Boolean.FALSE.equals(bot) && !r.result().toString().contains("activities")) {
            errors.incrementAndGet();
          }
          int k = n.getAndIncrement();
          if (k < latencies.length) {
            latencies[k] = System.nanoTime() - start;
          }
          loop(client, port, bot, worker, end, latencies, n, errors, running, all);
        });
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
