package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.fulfilment.Outcome.Status;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.ticket.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A harness, not a test: complete self-service resets (start, read the code, verify, change in the
 * in-memory LDAP directory, audit ticket resolved) through {@link SelfServiceFulfilment} on the
 * embedded store, first one at a time, then from 4 threads. Prints latency percentiles and resets
 * per second. Run with {@code bench/fulfilment.sh}.
 */
public final class FulfilmentBenchmark {
  private FulfilmentBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    // The harness prints only its figures; an INFO line per reset would measure the console.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    FulfilmentOptions options = FulfilmentOptions.defaults().withLimits(1_000_000, 1_000_000, 1000);
    try (FulfilmentFixture f = new FulfilmentFixture(options, null)) {
      List<Principal> people = new ArrayList<>();
      for (User u : DemoData.users()) {
        if (u.upn() != null && !u.privileged()) {
          people.add(f.principal(u.id()));
        }
      }
      run(f, people, 20, 1, "warm-up");
      run(f, people, n, 1, "sequential");
      run(f, people, n, 4, "4 threads");
    }
  }

  private static void run(
      FulfilmentFixture f, List<Principal> people, int n, int threads, String label)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Principal p = people.get(i % people.size());
      futures.add(pool.submit(() -> once(f, p)));
    }
    List<Long> start = new ArrayList<>();
    List<Long> verify = new ArrayList<>();
    for (Future<long[]> fu : futures) {
      long[] r = fu.get();
      start.add(r[0]);
      verify.add(r[1]);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    if (!"warm-up".equals(label)) {
      System.out.printf(
          Locale.ROOT,
          "%-10s n=%d resets/s=%.1f start p50=%.1fms p99=%.1fms verify p50=%.1fms p99=%.1fms%n",
          label,
          n,
          n / seconds,
          pct(start, 50),
          pct(start, 99),
          pct(verify, 50),
          pct(verify, 99));
    }
  }

  private static long[] once(FulfilmentFixture f, Principal p) {
    long a = System.nanoTime();
    Outcome sent = f.service.start(new StartRequest(p, FulfilmentKind.RESET, Channel.API, true));
    long b = System.nanoTime();
    if (sent.status() != Status.CODE_SENT) {
      throw new IllegalStateException("start: " + sent);
    }
    String code = f.outbox.codeFor(sent.flowId());
    long c = System.nanoTime();
    Outcome done = f.service.verify(p, sent.flowId(), code);
    long d = System.nanoTime();
    if (done.status() != Status.PASSWORD_RESET) {
      throw new IllegalStateException("verify: " + done);
    }
    return new long[] {b - a, d - c};
  }

  private static double pct(List<Long> nanos, int p) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int i = Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1);
    return s.get(Math.max(0, i)) / 1e6;
  }
}
