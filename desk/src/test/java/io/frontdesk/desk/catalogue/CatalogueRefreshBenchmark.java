package io.frontdesk.desk.catalogue;

import io.frontdesk.core.store.MongoStore;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.routing.GroupRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each server process pays every {@code FRONTDESK_DESK_CONFIG_REFRESH_MS} to pick up other
 * processes' catalogue changes, on the embedded store, for catalogues of several sizes: a refresh
 * when nothing changed (the version marker only) and a full load (read every stored item, check it,
 * swap the catalogue), as after a change. Run:
 *
 * <pre>./mvnw -q -pl desk -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.frontdesk.desk.catalogue.CatalogueRefreshBenchmark</pre>
 */
public final class CatalogueRefreshBenchmark {
  public static void main(String[] args) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int size : new int[] {20, 200, 1000}) {
      Path dir = Files.createTempDirectory("fd-bench-");
      try (MongoStore store = MongoStore.embedded(dir, "bench")) {
        Catalogue catalogue = Catalogue.bundled();
        CatalogueRepository repo = new CatalogueRepository(store.database());
        CatalogueItem template = catalogue.item("shared-mailbox-access").orElseThrow();
        List<CatalogueItem> items = new ArrayList<>(catalogue.allItems());
        for (int i = items.size(); i < size; i++) {
          items.add(
              new CatalogueItem(
                  "item-" + i,
                  "Item " + i,
                  template.description(),
                  template.service(),
                  template.audience(),
                  template.fields(),
                  template.approval(),
                  template.approverGroupId(),
                  null,
                  template.groupId(),
                  template.priority(),
                  false));
        }
        repo.seed(items, Instant.now());
        GroupRepository groups = new GroupRepository(store.database());
        AdminAudit audit = new AdminAudit(store.database(), Clock.systemUTC());
        CatalogueAdmin steady =
            new CatalogueAdmin(repo, catalogue, groups, audit, Clock.systemUTC());
        for (boolean changed : new boolean[] {false, true}) {
          for (int i = 0; i < 20; i++) { // warm-up
            fresh(repo, catalogue, groups, audit, changed, steady).refresh();
          }
          int runs = 50;
          long[] wall = new long[runs];
          long[] used = new long[runs];
          for (int i = 0; i < runs; i++) {
            CatalogueAdmin admin = fresh(repo, catalogue, groups, audit, changed, steady);
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            admin.refresh();
            wall[i] = System.nanoTime() - t0;
            used[i] = cpu.getCurrentThreadCpuTime() - c0;
          }
          Arrays.sort(wall);
          Arrays.sort(used);
          System.out.printf(
              "%5d items, %s: wall p50 %.2f ms, p95 %.2f ms; CPU p50 %.2f ms (%d offered)%n",
              size,
              changed ? "full load" : "unchanged",
              wall[runs / 2] / 1e6,
              wall[runs * 95 / 100] / 1e6,
              used[runs / 2] / 1e6,
              catalogue.items().size());
        }
      }
    }
  }

  /** A process that has loaded the current version (unchanged), or one that has loaded none. */
  private static CatalogueAdmin fresh(
      CatalogueRepository repo,
      Catalogue catalogue,
      GroupRepository groups,
      AdminAudit audit,
      boolean changed,
      CatalogueAdmin steady) {
    return changed ? new CatalogueAdmin(repo, catalogue, groups, audit, Clock.systemUTC()) : steady;
  }
}
