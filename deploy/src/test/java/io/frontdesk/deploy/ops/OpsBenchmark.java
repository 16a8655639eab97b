package io.frontdesk.deploy.ops;

import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import io.frontdesk.deploy.wiring.DeskWiring;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.TicketService;
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
 * Queue and ticket page latency for agents (bench/ops-desk.sh): a real server ({@code serve --demo}
 * wiring) with N extra open tickets on the service desk's queue, a signed-in agent session and C
 * concurrent clients requesting queue pages (random filters, sorts and pages) and ticket pages in a
 * closed loop. Figures are measured at the client over loopback HTTP/1.1 (an upper bound on the
 * server's time). Arguments: tickets (2000), concurrency (8), warm-up seconds (10), measured (30).
 */
public final class OpsBenchmark {
  private static final String[] WORDS =
      ("outlook calendar mailbox signature meeting invite shared folder archive rules delegate"
              + " attachment search offline profile sync password prompt mobile teams chat"
              + " notification contacts distribution list room booking reminder spam quarantine"
              + " forwarding out-of-office licence encrypted message recall print preview")
          .split(" ");
  private static final String[] SORTS = {"priority", "due", "created", "oldest"};
  private static final String[] FILTERS = {"", "&priority=P3", "&sla=ok", "&assignee=none", ""};

  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    try (PortalFixture fx = new PortalFixture()) {
      TicketService service = fx.server.wiring(DeskWiring.class).orElseThrow().tickets();
      List<User> staff =
          DemoData.users().stream().filter(u -> u.schoolId() == null).limit(8).toList();
      Random rnd = new Random(1);
      List<String> refs = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < tickets; i++) {
        String title =
            WORDS[rnd.nextInt(WORDS.length)]
                + " "
                + WORDS[rnd.nextInt(WORDS.length)]
                + " problem number "
                + i;
        var r =
            service.create(
                staff.get(i % staff.size()).principal(),
                NewTicket.incident(Channel.PORTAL, "Email and calendar", title, title + " today"));
        refs.add(r.ticket().reference());
      }
      System.out.printf(
          Locale.ROOT, "raised %d tickets in %.1f s%n", tickets, (System.nanoTime() - t0) / 1e9);
      PortalClient agent = fx.client().signInAs("u-gareth-lloyd");
      String cookie = "fd_session=" + agent.sessionCookie().orElseThrow();
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(4))
              .build();
      int pages = Math.max(1, tickets / 25);
      run(http, fx.baseUrl, cookie, refs, pages, concurrency, warmup, null);
      Map<String, List<Long>> times = new LinkedHashMap<>();
      times.put("queue", Collections.synchronizedList(new ArrayList<>()));
      times.put("ticket", Collections.synchronizedList(new ArrayList<>()));
      long errors = run(http, fx.baseUrl, cookie, refs, pages, concurrency, seconds, times);
      System.out.printf(
          Locale.ROOT,
          "%d tickets, concurrency %d, %d s measured after %d s warm-up, %d errors, load %.1f%n",
          tickets,
          concurrency,
          seconds,
          warmup,
          errors,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      for (var e : times.entrySet()) {
        List<Long> t = new ArrayList<>(e.getValue());
        Collections.sort(t);
        System.out.printf(
            Locale.ROOT,
            "%-7s n=%d  %.0f/s  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms%n",
            e.getKey(),
            t.size(),
            t.size() / (double) seconds,
            pct(t, 50),
            pct(t, 95),
            pct(t, 99));
      }
    }
    System.exit(0);
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }

  static long run(
      HttpClient http,
      String base,
      String cookie,
      List<String> refs,
      int pages,
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
            Random rnd = new Random(worker);
            while (!stop.get()) {
              boolean queue = rnd.nextBoolean();
              String path =
                  queue
                      ? "/agent/queues/service-desk?sort="
                          + SORTS[rnd.nextInt(SORTS.length)]
                          + FILTERS[rnd.nextInt(FILTERS.length)]
                          + "&page="
                          + (1 + rnd.nextInt(Math.min(pages, 20)))
                      : "/agent/tickets/" + refs.get(rnd.nextInt(refs.size()));
              long t = System.nanoTime();
              try {
                HttpResponse<Void> r =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", cookie)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                  errors[worker]++;
                } else if (times != null) {
                  times.get(queue ? "queue" : "ticket").add(System.nanoTime() - t);
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
