package io.frontdesk.deploy.portal;

import io.frontdesk.core.metrics.Metrics;
import io.frontdesk.deploy.wiring.KnowledgeWiring;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.knowledge.importing.ImportReport;
import io.frontdesk.knowledge.index.IndexCompaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Portal page latency (bench/portal.sh): a real server ({@code serve --demo} wiring) with N extra
 * synthetic published articles, a signed-in staff session, and C concurrent clients that each
 * request search-results pages ({@code /kb?q=...}) and article pages ({@code /kb/ID}) in a closed
 * loop. Prints p50/p95/p99/max per page type measured at the client over loopback HTTP/1.1 (each
 * figure includes the client's own overhead: an upper bound), and next to them the server-side
 * p50/p95/p99 from the server's own histogram of request times ({@link Metrics#SERVER_TIME}, from
 * the request's headers arriving to its response ending), over the same measured window.
 *
 * <p>Arguments: articles (10000), concurrency (16), warm-up seconds (10), measured seconds (30),
 * corpus ({@code synthetic}, or {@code uniform} for the first passes' corpus: {@link
 * PortalBenchCorpus}).
 */
public final class PortalBenchmark {
  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    String corpusName = args.length > 4 ? args[4] : "synthetic";
    PortalBenchCorpus corpus = PortalBenchCorpus.named(corpusName, articles);
    // FRONTDESK_* settings in the environment (say FRONTDESK_KB_SEARCH_THREADS=0) reach the server,
    // so settings can be compared run against run.
    Map<String, String> settings = new LinkedHashMap<>();
    System.getenv().entrySet().stream()
        .filter(e -> e.getKey().startsWith("FRONTDESK_"))
        .filter(e -> !e.getKey().equals("FRONTDESK_DATA_DIR") && !e.getKey().equals("PORT"))
        .forEach(e -> settings.put(e.getKey(), e.getValue()));
    System.out.println("settings from the environment: " + settings.keySet());
    try (PortalFixture fx = new PortalFixture(settings)) {
      long t0 = System.nanoTime();
      KnowledgeWiring kw = fx.server.wiring(KnowledgeWiring.class).orElseThrow();
      ImportReport r = kw.importer().importFiles(corpus.files(articles), "bench");
      System.out.printf(
          Locale.ROOT,
          "imported %d articles of the %s corpus in %.1f s (%d rejected)%n",
          r.added() + r.updated(),
          corpusName,
          (System.nanoTime() - t0) / 1e9,
          r.rejected().size());
      // Measure only once the index holds every article (imports are applied in the background).
      long settle = System.nanoTime();
      while (kw.index().size() < articles) {
        Thread.onSpinWait();
      }
      System.out.printf(
          Locale.ROOT,
          "index holds %d articles after a further %.1f s%n",
          kw.index().size(),
          (System.nanoTime() - settle) / 1e9);
      // A burst of publishes leaves several segments; IndexCompaction merges them once writes stop
      // (a few seconds). Measure the index a server serves between bursts, not during the merge.
      int quiet =
          Integer.parseInt(
              settings.getOrDefault(
                  IndexCompaction.QUIET_SECONDS,
                  Integer.toString(IndexCompaction.DEFAULT_QUIET_SECONDS)));
      long mergeWait = System.nanoTime();
      while (quiet > 0
          && kw.index().segments() > 1
          && System.nanoTime() - mergeWait < TimeUnit.SECONDS.toNanos(quiet + 120L)) {
        Thread.sleep(100);
      }
      System.out.printf(
          Locale.ROOT,
          "index segments: %d after %.1f s (%s=%d)%n",
          kw.index().segments(),
          (System.nanoTime() - mergeWait) / 1e9,
          IndexCompaction.QUIET_SECONDS,
          quiet);
      PortalClient signedIn = fx.client().signInAs("u-priya-shah");
      String cookie = "fd_session=" + signedIn.sessionCookie().orElseThrow();
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(4))
              .build();
      run(http, fx.baseUrl, cookie, corpus, concurrency, warmup, null);
      Map<String, List<Long>> times = new LinkedHashMap<>();
      times.put("search", Collections.synchronizedList(new ArrayList<>()));
      times.put("article", Collections.synchronizedList(new ArrayList<>()));
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      var registry = fx.server.context().metrics().registry();
      Map<String, long[]> server0 = ServerTimes.byPage(registry);
      Map<String, long[]> gc0 = gc();
      long hits0 = kw.searchCache().hits();
      long misses0 = kw.searchCache().misses();
      ThreadCosts costs = new ThreadCosts();
      int segments0 = kw.index().segments();
      ThreadCosts.Sample threads0 = costs.sample();
      long cpu0 = os.getProcessCpuTime();
      long errors = run(http, fx.baseUrl, cookie, corpus, concurrency, seconds, times);
      long cpu = os.getProcessCpuTime() - cpu0;
      ThreadCosts.Sample threads1 = costs.sample();
      Map<String, long[]> server1 = ServerTimes.byPage(registry);
      Map<String, long[]> gc1 = gc();
      long hits = kw.searchCache().hits() - hits0;
      long misses = kw.searchCache().misses() - misses0;
      System.out.println("server routes: " + ServerTimes.routes(registry));
      long requests = times.values().stream().mapToLong(List::size).sum();
      System.out.printf(
          Locale.ROOT,
          "%d articles, concurrency %d, %d s measured after %d s warm-up, %d errors%n",
          articles,
          concurrency,
          seconds,
          warmup,
          errors);
      System.out.printf(
          Locale.ROOT,
          "CPU per request (server and client, one process): %.1f ms; load average %.1f%n",
          cpu / 1e6 / Math.max(1, requests),
          os.getSystemLoadAverage());
      for (var e : times.entrySet()) {
        List<Long> t = new ArrayList<>(e.getValue());
        Collections.sort(t);
        System.out.printf(
            Locale.ROOT,
            "%-8s n=%d  %.0f/s  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
            e.getKey(),
            t.size(),
            t.size() / (double) seconds,
            pct(t, 50),
            pct(t, 95),
            pct(t, 99),
            t.isEmpty() ? 0 : t.get(t.size() - 1) / 1e6);
      }
      System.out.printf(
          Locale.ROOT,
          "search result cache (FRONTDESK_KB_SEARCH_CACHE): %d hits, %d misses, hit rate %.1f %%%n",
          hits,
          misses,
          100.0 * hits / Math.max(1, hits + misses));
      for (String page : times.keySet()) {
        long[] d = ServerTimes.delta(server0.get(page), server1.get(page));
        System.out.printf(
            Locale.ROOT,
            "%-8s server-side n=%d  p50=%s ms  p95=%s ms  p99=%s ms%n",
            page,
            d[d.length - 1],
            ServerTimes.percentile(d, 50),
            ServerTimes.percentile(d, 95),
            ServerTimes.percentile(d, 99));
      }
      gc1.forEach(
          (name, after) ->
              System.out.printf(
                  Locale.ROOT,
                  "GC in the measured window: %s %d collections, %d ms in total%n",
                  name,
                  after[0] - gc0.getOrDefault(name, new long[2])[0],
                  after[1] - gc0.getOrDefault(name, new long[2])[1]));
      ThreadCosts.print(threads0, threads1, requests);
      System.out.printf(
          Locale.ROOT,
          "index segments: %d at the start of the measured window, %d at its end%n",
          segments0,
          kw.index().segments());
      System.out.println(
          "JVM: "
              + String.join(
                  " ",
                  java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
      listings(fx, kw, articles);
    }
    System.exit(0);
  }

  /**
   * The home page's popular lists and browse by service come from one snapshot of every published
   * article, rebuilt at most every FRONTDESK_PORTAL_LISTINGS_CACHE_SECONDS: the cost of one
   * rebuild, with the views the run above left (a cache of zero makes every call rebuild).
   */
  static void listings(PortalFixture fx, KnowledgeWiring kw, int articles) {
    ArticleListings listings =
        new ArticleListings(
            kw.repository(),
            fx.server.context().store().database(),
            fx.server.context().blocking(),
            java.time.Clock.systemUTC(),
            30,
            Duration.ZERO);
    List<Long> t = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long start = System.nanoTime();
      var popular = listings.popular("staff", 5).await();
      t.add(System.nanoTime() - start);
      if (popular.mostViewed().isEmpty()) {
        throw new IllegalStateException("no views counted");
      }
    }
    List<Long> measured = new ArrayList<>(t.subList(2, t.size()));
    Collections.sort(measured);
    System.out.printf(
        Locale.ROOT,
        "listings snapshot over %d articles: n=%d p50=%.1f ms max=%.1f ms%n",
        articles,
        measured.size(),
        pct(measured, 50),
        measured.get(measured.size() - 1) / 1e6);
  }

  /** Per collector: collections so far and milliseconds spent in them. */
  static Map<String, long[]> gc() {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      out.put(b.getName(), new long[] {b.getCollectionCount(), b.getCollectionTime()});
    }
    return out;
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  static long run(
      HttpClient http,
      String base,
      String cookie,
      PortalBenchCorpus corpus,
      int concurrency,
      int seconds,
      Map<String, List<Long>> times)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    long[] errors = new long[concurrency];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      pool.submit(
          () -> {
            // The measured window draws other questions than the warm-up (same seeds would replay
            // the warm-up's questions and so hit the result cache they filled).
            Random rnd = new Random(times == null ? worker : 1_000 + worker);
            while (!stop.get()) {
              boolean search = rnd.nextBoolean();
              String path = search ? corpus.searchPath(rnd) : corpus.articlePath(rnd);
              long t = System.nanoTime();
              try {
                HttpResponse<byte[]> res =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", cookie)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - t;
                if (res.statusCode() != 200 && !(res.statusCode() == 404 && !search)) {
                  errors[worker]++;
                } else if (times != null) {
                  times.get(search ? "search" : "article").add(took);
                }
              } catch (Exception e) {
                errors[worker]++;
              }
            }
          });
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    long sum = 0;
    for (long e : errors) {
      sum += e;
    }
    return sum;
  }
}
