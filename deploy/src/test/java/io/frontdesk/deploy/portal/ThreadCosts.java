package io.frontdesk.deploy.portal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time and allocation per kind of thread over a measured window (the bench's server and client
 * share one process): which threads the CPU of a request goes to. Threads are grouped by name with
 * the numbers taken out ({@code kb-search-N}, {@code vert.x-eventloop-thread-N}); what the process
 * spent outside Java threads (the collector's and the JIT's threads, which {@code ThreadMXBean}
 * does not list) is the rest of the process's CPU time.
 */
final class ThreadCosts {
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Per thread id: name, CPU ns, allocated bytes; and the process's CPU ns under key -1. */
  record Sample(Map<Long, String> names, Map<Long, long[]> costs, long processCpu) {}

  Sample sample() {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] alloc = threads.getThreadAllocatedBytes(ids);
    Map<Long, String> names = new HashMap<>();
    Map<Long, long[]> costs = new HashMap<>();
    var infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null || cpu[i] < 0) {
        continue;
      }
      names.put(ids[i], infos[i].getThreadName());
      costs.put(ids[i], new long[] {cpu[i], Math.max(0, alloc[i])});
    }
    return new Sample(names, costs, os.getProcessCpuTime());
  }

  /** Prints CPU per request and allocation per request for each thread kind, largest first. */
  static void print(Sample before, Sample after, long requests) {
    Map<String, long[]> kinds = new LinkedHashMap<>();
    long javaCpu = 0;
    for (var e : after.costs().entrySet()) {
      long[] was = before.costs().getOrDefault(e.getKey(), new long[2]);
      long cpu = e.getValue()[0] - was[0];
      long alloc = e.getValue()[1] - was[1];
      String kind = after.names().get(e.getKey()).replaceAll("\\d+", "N");
      long[] sum = kinds.computeIfAbsent(kind, k -> new long[3]);
      sum[0] += cpu;
      sum[1] += alloc;
      sum[2]++;
      javaCpu += cpu;
    }
    long process = after.processCpu() - before.processCpu();
    double n = Math.max(1, requests);
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(kinds.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    System.out.printf(
        Locale.ROOT,
        "CPU and allocation per request by thread kind (process CPU %.0f ms over %d requests):%n",
        process / 1e6,
        requests);
    for (var e : sorted) {
      long[] v = e.getValue();
      if (v[0] < process / 500 && v[1] < 1_000_000) {
        continue; // under 0.2 % of the CPU and 1 MB: idle housekeeping
      }
      System.out.printf(
          Locale.ROOT,
          "  %-40s %3d threads  CPU %.3f ms (%4.1f %%)  alloc %6.1f KB%n",
          e.getKey(),
          v[2],
          v[0] / 1e6 / n,
          100.0 * v[0] / Math.max(1, process),
          v[1] / 1024.0 / n);
    }
    System.out.printf(
        Locale.ROOT,
        "  %-40s              CPU %.3f ms (%4.1f %%)%n",
        "outside Java threads (GC, JIT, VM)",
        (process - javaCpu) / 1e6 / n,
        100.0 * (process - javaCpu) / Math.max(1, process));
  }
}
