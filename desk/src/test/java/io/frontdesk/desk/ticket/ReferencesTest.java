package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  @Test
  void eightThreadsTimes250NeverRepeat() throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      References refs = new References(store.database());
      List<String> all = run(List.of(refs), 8, 250, TicketType.INCIDENT);
      assertThat(all).hasSize(2000);
      assertThat(new HashSet<>(all)).hasSize(2000);
      assertThat(all).contains("INC-000001", "INC-002000");
    }
  }

  @Test
  void twoClientsAgainstOneServerNeverRepeat() throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      store.ping();
      ServerAddress address =
          store.client().getClusterDescription().getServerDescriptions().get(0).getAddress();
      try (MongoClient second =
          MongoClients.create("mongodb://" + address.getHost() + ":" + address.getPort())) {
        References a = new References(store.database());
        References b = new References(second.getDatabase(store.database().getName()));
        List<String> all = run(List.of(a, b), 8, 250, TicketType.REQUEST);
        Set<String> distinct = new HashSet<>(all);
        assertThat(distinct).hasSize(2000);
        assertThat(all).allMatch(r -> r.matches("REQ-\\d{6}"));
      }
    }
  }

  private static List<String> run(List<References> clients, int threads, int each, TicketType type)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        References r = clients.get(t % clients.size());
        futures.add(
            pool.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    mine.add(r.nextReference(type));
                  }
                  return mine;
                }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
