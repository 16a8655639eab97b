package io.frontdesk.deploy.portal;

import io.frontdesk.core.metrics.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Server-side percentiles for the portal benchmark, read from the server's own histogram of request
 * times ({@link Metrics#SERVER_TIME}, buckets {@link Metrics#SERVER_TIME_BUCKETS_MS}): cumulative
 * bucket counts are taken before and after the measured window and the difference is interpolated
 * within its bucket, so a figure is exact at a bucket bound and linear between two.
 */
final class ServerTimes {
  private ServerTimes() {}

  /** The route labels Vert.x gives the two benchmarked pages (sub-routers joined by '>'). */
  private static final Map<String, String> PAGES = Map.of("search", ">/kb", "article", ">/kb/:id");

  /**
   * Per page: cumulative count at or below each bucket bound, then the total count, summed over
   * every status and method of that route.
   */
  static Map<String, long[]> byPage(MeterRegistry registry) {
    int n = Metrics.SERVER_TIME_BUCKETS_MS.length;
    Map<String, long[]> out = new LinkedHashMap<>();
    PAGES.forEach((page, route) -> out.put(page, new long[n + 1]));
    for (Timer t : registry.find(Metrics.SERVER_TIME).timers()) {
      String route = t.getId().getTag("route");
      for (var e : PAGES.entrySet()) {
        // A page that fails (a 404 article) carries the failure handler's routes after its own.
        if (route != null && (route.endsWith(e.getValue()) || route.contains(e.getValue() + ">"))) {
          long[] c = out.get(e.getKey());
          var snapshot = t.takeSnapshot();
          CountAtBucket[] buckets = snapshot.histogramCounts();
          for (int i = 0; i < Math.min(n, buckets.length); i++) {
            c[i] += (long) buckets[i].count();
          }
          c[n] += snapshot.count();
        }
      }
    }
    return out;
  }

  /** Every route label of the request timer, with its status codes (to check the matching). */
  static java.util.Set<String> routes(MeterRegistry registry) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Timer t : registry.find(Metrics.SERVER_TIME).timers()) {
      out.add(t.getId().getTag("route") + " " + t.getId().getTag("code") + " " + t.count());
    }
    return out;
  }

  static long[] delta(long[] before, long[] after) {
    long[] d = new long[after.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
    }
    return d;
  }

  /** The p-th percentile in ms (interpolated within its bucket), or "&gt;LAST" past the last. */
  static String percentile(long[] cumulative, int p) {
    double[] bounds = Metrics.SERVER_TIME_BUCKETS_MS;
    long total = cumulative[bounds.length];
    if (total == 0) {
      return "-";
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    long below = 0;
    double lower = 0;
    for (int i = 0; i < bounds.length; i++) {
      if (cumulative[i] >= rank) {
        double inBucket = cumulative[i] - below;
        double frac = inBucket <= 0 ? 1 : (rank - below) / inBucket;
        return String.format(Locale.ROOT, "%.1f", lower + (bounds[i] - lower) * frac);
      }
      below = cumulative[i];
      lower = bounds[i];
    }
    return ">" + (long) bounds[bounds.length - 1];
  }
}
