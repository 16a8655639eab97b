package io.frontdesk.deploy.commands;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.health.HealthRegistry;
import io.frontdesk.core.metrics.Metrics;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.deploy.ServerContext;
import io.frontdesk.deploy.wiring.DeskWiring;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.QueueQuery;
import io.frontdesk.desk.ticket.References;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketStatus;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The desk's benchmark, through the same wiring as the server: seeds N tickets straight into the
 * store (a realistic mix: most closed, a few percent open across the queues), rebuilds the
 * working-set index, then measures sustained ticket creation through {@code TicketService} (every
 * store command committed before it is acknowledged) and agents' queue pages.
 */
final class DeskBench {
  record Options(int tickets, int openPercent, int seconds, int threads, int queries) {
    Options withTickets(int v) {
      return new Options(v, openPercent, seconds, threads, queries);
    }

    Options withOpenPercent(int v) {
      return new Options(tickets, Math.min(100, v), seconds, threads, queries);
    }

    Options withSeconds(int v) {
      return new Options(tickets, openPercent, Math.max(1, v), threads, queries);
    }

    Options withThreads(int v) {
      return new Options(tickets, openPercent, seconds, Math.max(1, v), queries);
    }

    Options withQueries(int v) {
      return new Options(tickets, openPercent, seconds, threads, Math.max(1, v));
    }
  }

  private static final String[] GROUPS = {
    "service-desk", "service-desk", "service-desk", "service-desk", "schools-desk", "schools-desk",
    "applications", "applications", "network", "euc", "security", "els-financeone"
  };
  private static final String[] OPEN = {"new", "assigned", "in_progress", "pending"};
  private static final String[] AGENTS = {
    "u-gareth-lloyd", "u-megan-price", "u-mark-davies", "u-agent-4", "u-agent-5"
  };
  private static final String[] WORDS =
      ("outlook teams laptop printer vpn wifi password account locked mailbox calendar shared drive"
              + " folder access finance payroll invoice screen monitor keyboard mouse docking station"
              + " slow crash error freeze login mfa authenticator phone mobile license install update"
              + " excel word powerpoint onedrive sharepoint meeting audio camera headset scanner toner"
              + " paper jam network cable port firewall certificate browser chrome edge website portal"
              + " timeout sync offline backup restore deleted file permission group distribution list"
              + " signature archive attachment large quota full disk battery charger power boot blue"
              + " black blank display projector whiteboard classroom server database report export"
              + " import form workflow approval purchase order asset tag serial replacement broken")
          .split(" ");

  private final Options o;
  private final Path dir;
  private final Settings settings;
  private final Path gate;

  /**
   * @param gate when not null, the run waits after seeding until this file exists: seeding a
   *     million tickets takes tens of minutes of CPU, so it can run while the machine is busy and
   *     the timed part on a quiet machine, in the same process
   */
  DeskBench(Options o, Path dir, Settings settings, Path gate) {
    this.o = o;
    this.dir = dir;
    this.settings = settings;
    this.gate = gate;
  }

  void run(PrintStream out) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (MongoStore store = MongoStore.embedded(dir.resolve("store"), "bench")) {
      ServerContext ctx =
          new ServerContext(
              vertx,
              FrontdeskConfig.load(settings),
              settings,
              store,
              new HealthRegistry(vertx),
              new Metrics(),
              Blocking.on(vertx),
              false);
      DeskWiring wiring = new DeskWiring(ctx);
      wiring.start().await(60, TimeUnit.SECONDS);
      wiring.seedDemo().await(60, TimeUnit.SECONDS);
      Desk desk = wiring.desk();
      TicketRepository repo = desk.tickets().repository();
      out.printf(
          Locale.ROOT,
          "machine: %d cores, Java %s, max heap %d MB%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      seed(desk, repo, store.database(), out);
      long heap0 = usedHeap();
      long t0 = System.nanoTime();
      repo.loadIndex();
      double rebuild = (System.nanoTime() - t0) / 1e9;
      long bytes = usedHeap() - heap0;
      out.printf(
          Locale.ROOT,
          "index rebuild: %d working-set tickets in %.1f s, about %d MB of heap (%d bytes each)%n",
          repo.index().orElseThrow().size(),
          rebuild,
          bytes >> 20,
          bytes / Math.max(1, repo.index().orElseThrow().size()));
      awaitGate(out);
      create(desk, out);
      queues(desk, repo, out);
      indexOnly(repo, out);
      similar(desk, out);
      storeFallback(repo, out);
      wiring.stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private void awaitGate(PrintStream out) throws InterruptedException {
    if (gate == null) {
      return;
    }
    out.printf(Locale.ROOT, "waiting for %s before the timed part (load %.1f)%n", gate, load());
    out.flush();
    while (!Files.exists(gate)) {
      Thread.sleep(1000);
    }
    out.printf(Locale.ROOT, "gate open: timed part starts (load %.1f)%n", load());
  }

  /** Bulk-inserts tickets shaped like the service's own, in batches of 1,000. */
  private void seed(Desk desk, TicketRepository repo, MongoDatabase db, PrintStream out) {
    long present = repo.tickets().estimatedDocumentCount();
    if (present >= o.tickets()) {
      out.printf(Locale.ROOT, "seeded: reusing the %d tickets already in the store%n", present);
      return;
    }
    Principal someone = principal("bench-seed");
    Document base =
        desk.tickets()
            .create(
                someone,
                NewTicket.incident(Channel.PORTAL, "Devices and hardware", "Template", null))
            .ticket()
            .document();
    MongoCollection<Document> tickets = repo.tickets();
    Random rnd = new Random(7);
    Instant now = Instant.now();
    long t0 = System.nanoTime();
    List<Document> batch = new ArrayList<>(1000);
    long open = 0;
    for (int i = 1; i <= o.tickets(); i++) {
      boolean isOpen = rnd.nextInt(100) < o.openPercent();
      boolean resolved = !isOpen && rnd.nextInt(100) < 2;
      String status = isOpen ? OPEN[rnd.nextInt(OPEN.length)] : resolved ? "resolved" : "closed";
      open += isOpen ? 1 : 0;
      Instant created =
          now.minus(
              Duration.ofMinutes(isOpen ? rnd.nextInt(60 * 24 * 60) : rnd.nextInt(60 * 24 * 1100)));
      String group = GROUPS[rnd.nextInt(GROUPS.length)];
      int p = rnd.nextInt(100);
      String priority = p < 2 ? "P1" : p < 15 ? "P2" : p < 60 ? "P3" : "P4";
      Document sla = new Document(base.get("sla", Document.class));
      int s = rnd.nextInt(10);
      sla.put("state", s < 8 ? "ok" : s < 9 ? "warning" : "breached");
      sla.put("priority", priority);
      sla.put("startedAt", Date.from(created));
      sla.put("resolutionDue", Date.from(created.plus(Duration.ofHours(4 + rnd.nextInt(200)))));
      sla.put("nextCheckAt", isOpen ? Date.from(now.plus(Duration.ofDays(30))) : null);
      Document d = new Document(base);
      d.put("_id", References.format("INC", 1_000 + i));
      d.put("status", status);
      d.put("desk", group.equals("schools-desk") ? "schools" : "staff");
      d.put("groupId", group);
      d.put("priority", priority);
      d.put("assigneeId", status.equals("new") ? null : AGENTS[rnd.nextInt(AGENTS.length)]);
      d.put("title", title(rnd));
      d.put(
          "requester",
          new Document("userId", "bench-" + rnd.nextInt(20_000)).append("name", "Bench user"));
      d.put("sla", sla);
      d.put("createdAt", Date.from(created));
      d.put("updatedAt", Date.from(created));
      batch.add(d);
      if (batch.size() == 1000 || i == o.tickets()) {
        tickets.insertMany(batch, new InsertManyOptions().ordered(false));
        batch.clear();
      }
      if (i % 100_000 == 0) {
        System.err.printf(
            Locale.ROOT, "  seeded %d in %.0f s%n", i, (System.nanoTime() - t0) / 1e9);
      }
    }
    // The next live ticket must not reuse a seeded reference.
    db.getCollection(References.COLLECTION)
        .replaceOne(
            Filters.eq("_id", "INC"),
            new Document("_id", "INC").append("seq", (long) o.tickets() + 2_000),
            new ReplaceOptions().upsert(true));
    out.printf(
        Locale.ROOT,
        "seeded: %d tickets (%d open, %d%%) in %.1f s%n",
        o.tickets(),
        open,
        o.openPercent(),
        (System.nanoTime() - t0) / 1e9);
  }

  private static String title(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < 5; w++) {
      b.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static Principal principal(String id) {
    return new Principal(
        id, "Bench " + id, id + "@example.invalid", Set.of(Role.STAFF), Optional.empty());
  }

  /** Sustained creation through the service, {@code threads} callers for {@code seconds}. */
  private void create(Desk desk, PrintStream out) throws Exception {
    List<String> services =
        desk.catalogue().services().stream()
            .filter(s -> !s.startsWith("Schools") && !s.equals("On-site support"))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    AtomicLong linked = new AtomicLong();
    double load0 = load();
    long cpu0 = cpu();
    long deadline = System.nanoTime() + o.seconds() * 1_000_000_000L;
    long t0 = System.nanoTime();
    long[] batching0 = desk.tickets().repository().insertBatching();
    // Different texts on every run: a store kept with --dir already holds the last run's tickets,
    // and the same requester and text again would be linked to them (tell us once), not raised.
    long runSeed = desk.tickets().repository().tickets().estimatedDocumentCount();
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < o.threads(); t++) {
      int seed = t;
      futures.add(
          pool.submit(
              () -> {
                Random rnd = new Random(100 + seed + 1_000 * runSeed);
                long[] lat = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < deadline && n < lat.length) {
                  long s = System.nanoTime();
                  CreateResult r =
                      desk.tickets()
                          .create(
                              principal("bench-live-" + rnd.nextInt(20_000)),
                              NewTicket.incident(
                                  Channel.TEAMS,
                                  services.get(rnd.nextInt(services.size())),
                                  title(rnd),
                                  title(rnd) + " since this morning"));
                  lat[n++] = System.nanoTime() - s;
                  if (r.linkedToExisting()) {
                    linked.incrementAndGet();
                  }
                }
                return Arrays.copyOf(lat, n);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      all.add(f.get());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuMs = (cpu() - cpu0) / 1e6;
    pool.shutdown();
    long[] batching = desk.tickets().repository().insertBatching();
    long[] lat = all.stream().flatMapToLong(Arrays::stream).toArray();
    out.printf(
        Locale.ROOT,
        "create: %d tickets in %.1f s = %.0f/s with %d threads (%d linked to an open ticket);"
            + " latency p50 %.2f ms, p99 %.2f ms; process CPU %.2f ms/ticket"
            + " (at most %.0f/s on %d cores); %.1f tickets per insert command;"
            + " load average %.1f -> %.1f%n",
        lat.length,
        secs,
        lat.length / secs,
        o.threads(),
        linked.get(),
        pct(lat, 50),
        pct(lat, 99),
        cpuMs / lat.length,
        Runtime.getRuntime().availableProcessors() * 1000.0 / (cpuMs / lat.length),
        Runtime.getRuntime().availableProcessors(),
        (double) (batching[0] - batching0[0]) / Math.max(1, batching[1] - batching0[1]),
        load0,
        load());
  }

  /** Queue pages as agents ask for them: mostly first pages, all sorts, some filters. */
  private void queues(Desk desk, TicketRepository repo, PrintStream out) {
    Principal agent = desk.users().byId("u-gareth-lloyd").orElseThrow().principal();
    String[] sorts = {"priority", "due", "created", "oldest"};
    Random rnd = new Random(11);
    for (int i = 0; i < 200; i++) {
      desk.tickets().queue(agent, query(rnd, sorts)); // warm-up
    }
    long[] lat = new long[o.queries()];
    long items = 0;
    double load0 = load();
    long cpu0 = cpu();
    long gc0 = gcMillis();
    for (int i = 0; i < lat.length; i++) {
      QueueQuery q = query(rnd, sorts);
      long s = System.nanoTime();
      items += desk.tickets().queue(agent, q).items().size();
      lat[i] = System.nanoTime() - s;
    }
    out.printf(
        Locale.ROOT,
        "queue page (rows from the working-set index): %d queries, %.1f tickets/page;"
            + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " process CPU %.2f ms/query; GC %d ms in all; load average %.1f -> %.1f%n",
        lat.length,
        (double) items / lat.length,
        pct(lat, 50),
        pct(lat, 95),
        pct(lat, 99),
        pct(lat, 100),
        (cpu() - cpu0) / 1e6 / lat.length,
        gcMillis() - gc0,
        load0,
        load());
  }

  /** The in-memory part alone: choosing the page's references, before they are fetched. */
  private void indexOnly(TicketRepository repo, PrintStream out) {
    Random rnd = new Random(12);
    String[] sorts = {"priority", "due", "created", "oldest"};
    long[] lat = new long[o.queries()];
    long cpu0 = cpu();
    for (int i = 0; i < lat.length; i++) {
      QueueQuery q = query(rnd, sorts);
      long s = System.nanoTime();
      repo.index().orElseThrow().queue(q);
      lat[i] = System.nanoTime() - s;
    }
    out.printf(
        Locale.ROOT,
        "queue page, index part only (no fetch): p50 %.2f ms, p99 %.2f ms; process CPU %.2f ms/query%n",
        pct(lat, 50),
        pct(lat, 99),
        (cpu() - cpu0) / 1e6 / lat.length);
  }

  private static QueueQuery query(Random rnd, String[] sorts) {
    String group = GROUPS[rnd.nextInt(GROUPS.length)];
    int f = rnd.nextInt(10);
    return new QueueQuery(
        group,
        f == 0 ? List.of(TicketStatus.NEW) : null,
        f == 1 ? List.of("P1", "P2") : null,
        f == 2 ? "none" : f == 3 ? AGENTS[rnd.nextInt(AGENTS.length)] : null,
        f == 4 ? "breached" : null,
        sorts[rnd.nextInt(sorts.length)],
        rnd.nextInt(10) < 8 ? 0 : rnd.nextInt(5),
        25);
  }

  private void similar(Desk desk, PrintStream out) {
    Principal agent = desk.users().byId("u-gareth-lloyd").orElseThrow().principal();
    Random rnd = new Random(13);
    long[] lat = new long[200];
    long cpu0 = cpu();
    long gc0 = gcMillis();
    for (int i = 0; i < lat.length; i++) {
      String text = title(rnd);
      long s = System.nanoTime();
      desk.similar().like(agent, "staff", text, 5);
      lat[i] = System.nanoTime() - s;
    }
    out.printf(
        Locale.ROOT,
        "similar tickets (word postings of the working set): %d lookups; p50 %.2f ms, p99 %.2f ms;"
            + " process CPU %.2f ms/lookup; GC %d ms in all%n",
        lat.length,
        pct(lat, 50),
        pct(lat, 99),
        (cpu() - cpu0) / 1e6 / lat.length,
        gcMillis() - gc0);
  }

  /**
   * The same queue page straight from the store, as without the index: a collection scan, with a
   * sort, of every ticket. Three rounds: the median time, the CPU of a round (the embedded store
   * runs in this process), and the most heap left after a collection during them, which shows
   * whether the store held the scanned tickets (it did before BoundedH2Collection, and ran out of a
   * 1 GB heap at about 126,000 tickets).
   */
  private void storeFallback(TicketRepository repo, PrintStream out) {
    long[] lat = new long[3];
    long tickets = repo.count(Filters.empty());
    long cpu0 = cpu();
    try (HeapAfterGc heap = new HeapAfterGc()) {
      for (int i = 0; i < lat.length; i++) {
        long s = System.nanoTime();
        var f =
            Filters.and(
                Filters.eq("groupId", "network"),
                Filters.in("status", List.of("new", "assigned", "in_progress", "pending")));
        repo.find(
            f, Sorts.orderBy(Sorts.ascending("priority"), Sorts.descending("createdAt")), 0, 25);
        repo.count(f);
        lat[i] = System.nanoTime() - s;
      }
      out.printf(
          Locale.ROOT,
          "queue page from the store without the index (collection scan of %d tickets): median %.0f"
              + " ms of %d, %.0f ms CPU a round, at most %d MB of heap after a collection%n",
          tickets,
          pct(lat, 50),
          lat.length,
          (cpu() - cpu0) / 1e6 / lat.length,
          heap.maxMegabytes());
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** CPU time of this whole process (the embedded store runs in it too), in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Time spent in garbage collection so far, all collectors. */
  private static long gcMillis() {
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double pct(long[] nanos, int p) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
  }
}
