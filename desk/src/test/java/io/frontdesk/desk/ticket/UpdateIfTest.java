package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The status compare-and-set is one update the store decides, with or without the working-set
 * index: of racing callers exactly one wins.
 */
class UpdateIfTest {
  @Test
  void ofEightRacingTransitionsFromTheSameStatusExactlyOneWinsWithTheIndex() throws Exception {
    race(new WorkingSetIndex());
  }

  @Test
  void andWithoutTheIndex() throws Exception {
    race(null);
  }

  private static void race(WorkingSetIndex index) throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      TicketRepository repo = new TicketRepository(store.database(), index);
      store
          .database()
          .getCollection(TicketRepository.TICKETS)
          .insertOne(new Document("_id", "INC-000001").append("status", "new"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String who = "agent-" + t;
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return repo.updateIf(
                        "INC-000001",
                        "new",
                        Updates.combine(
                            Updates.set("status", "assigned"), Updates.set("assigneeId", who)));
                  }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
          won += f.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(repo.updateIf("INC-000001", "new", Updates.set("status", "resolved"))).isFalse();
      assertThat(repo.updateIf("INC-000001", "assigned", Updates.set("status", "in_progress")))
          .isTrue();
      assertThat(repo.updateIf("INC-999999", "new", Updates.set("status", "assigned"))).isFalse();
    }
  }
}
