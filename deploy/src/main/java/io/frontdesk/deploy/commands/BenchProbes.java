package io.frontdesk.deploy.commands;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What a bench run says about the server besides the client's own clock: the time the server itself
 * measured per request (Vert.x's HTTP server timer, from the request's start to the end of its
 * response) and the garbage collector's pauses during the run.
 */
final class BenchProbes {
  /** Vert.x's HTTP server timer (request start to response end, measured in the server). */
  static final String SERVER_TIMER = io.frontdesk.core.metrics.Metrics.SERVER_TIME;

  private final MeterRegistry registry;
  private final AtomicLong maxPauseMs = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (n, h) -> onGc(n.getUserData());

  /** The server's timer keeps fixed histogram buckets (core {@code Metrics}), read per run. */
  BenchProbes(MeterRegistry registry) {
    this.registry = registry;
    for (GarbageCollectorMXBean gc : pauseBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
  }

  private void onGc(Object data) {
    if (data instanceof CompositeData cd) {
      long ms = GarbageCollectionNotificationInfo.from(cd).getGcInfo().getDuration();
      maxPauseMs.accumulateAndGet(ms, Math::max);
    }
  }

  void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }

  /**
   * The collectors whose collections stop the application. ZGC and Shenandoah also report their
   * concurrent cycles ("ZGC Cycles", "Shenandoah Cycles"), whose time is not a pause: counting it
   * made their figures look like seconds of pauses.
   */
  private static List<GarbageCollectorMXBean> pauseBeans() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().endsWith("Cycles"))
        .toList();
  }

  /**
   * Bytes allocated so far by the process's live threads (server and client: both run here). Pooled
   * threads live through the runs, so the difference over a run is what the run allocated.
   */
  private static long allocatedBytes() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)
        || !t.isThreadAllocatedMemorySupported()
        || !t.isThreadAllocatedMemoryEnabled()) {
      return 0;
    }
    long sum = 0;
    for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  /** The state at the start of a run; {@link Mark#since} gives the run's figures. */
  Mark mark() {
    long count = 0;
    long time = 0;
    for (GarbageCollectorMXBean gc : pauseBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      time += Math.max(0, gc.getCollectionTime());
    }
    maxPauseMs.set(0);
    return new Mark(count, time, allocatedBytes(), server());
  }

  /** Cumulative server histogram: bucket upper bound (ns) to count at or below it. */
  private Server server() {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    long count = 0;
    double totalNs = 0;
    for (Timer t : registry.find(SERVER_TIMER).timers()) {
      HistogramSnapshot s = t.takeSnapshot();
      count += s.count();
      totalNs += s.total(TimeUnit.NANOSECONDS);
      for (CountAtBucket b : s.histogramCounts()) {
        buckets.merge(b.bucket(TimeUnit.NANOSECONDS), b.count(), Double::sum);
      }
    }
    return new Server(count, totalNs, buckets);
  }

  private record Server(long count, double totalNs, TreeMap<Double, Double> buckets) {}

  final class Mark {
    private final long gcCount;
    private final long gcMs;
    private final long allocated;
    private final Server server;

    private Mark(long gcCount, long gcMs, long allocated, Server server) {
      this.gcCount = gcCount;
      this.gcMs = gcMs;
      this.allocated = allocated;
      this.server = server;
    }

    Figures since() {
      long max = maxPauseMs.get();
      Mark now = mark();
      Server a = server;
      Server b = now.server;
      long n = b.count() - a.count();
      TreeMap<Double, Double> delta = new TreeMap<>();
      b.buckets().forEach((k, v) -> delta.put(k, v - a.buckets().getOrDefault(k, 0.0)));
      return new Figures(
          n,
          n == 0 ? 0 : (b.totalNs() - a.totalNs()) / n / 1e6,
          quantile(delta, n, 0.50),
          quantile(delta, n, 0.99),
          now.gcCount - gcCount,
          now.gcMs - gcMs,
          max,
          n == 0 ? 0 : (now.allocated - allocated) / 1024.0 / n);
    }
  }

  /** The upper bound of the bucket holding the quantile (histogram resolution). */
  private static double quantile(TreeMap<Double, Double> cumulative, long n, double q) {
    if (n == 0) {
      return 0;
    }
    double rank = Math.ceil(q * n);
    for (var e : cumulative.entrySet()) {
      if (e.getValue() >= rank) {
        return e.getKey() / 1e6;
      }
    }
    return Double.NaN;
  }

  /**
   * @param serverP50Ms upper bound of the histogram bucket holding it (core {@code Metrics}' fixed
   *     buckets: 1-ms steps up to 6 ms, 25 ms is a bound)
   */
  record Figures(
      long serverRequests,
      double serverMeanMs,
      double serverP50Ms,
      double serverP99Ms,
      long gcCount,
      long gcMs,
      long gcMaxPauseMs,
      double allocatedKbPerRequest) {
    @Override
    public String toString() {
      return String.format(
          "server: %d requests, mean %.1f ms, p50 <= %.1f ms, p99 <= %.1f ms; GC: %d pauses,"
              + " %d ms, longest %d ms; %.0f KB allocated per request (server and client)",
          serverRequests,
          serverMeanMs,
          serverP50Ms,
          serverP99Ms,
          gcCount,
          gcMs,
          gcMaxPauseMs,
          allocatedKbPerRequest);
    }
  }
}
