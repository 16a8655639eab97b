package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Group insert: every caller's document is stored exactly once, and errors reach only their own.
 */
class GroupInsertTest {
  @Test
  void eightThreadsTimes100AreAllStoredAndShareCommands() throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      MongoCollection<Document> c = store.database().getCollection("t");
      GroupInsert group = new GroupInsert(c);
      List<String> acknowledged = run(8, 100, group, t -> "d-" + t);
      assertThat(acknowledged).hasSize(800).doesNotHaveDuplicates();
      assertThat(c.countDocuments()).isEqualTo(800);
      for (String id : acknowledged) {
        assertThat(c.find(new Document("_id", id)).first()).as(id).isNotNull();
      }
      assertThat(group.documents()).isEqualTo(800);
      assertThat(group.commands()).isBetween(1L, 800L);
    }
  }

  @Test
  void aDuplicateFailsItsOwnCallerOnlyWithTheStoresAnswer() throws Exception {
    try (MongoStore store = TestStores.fresh()) {
      MongoCollection<Document> c = store.database().getCollection("t");
      GroupInsert group = new GroupInsert(c);
      group.insert(new Document("_id", "taken"));
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          String id = t == 3 ? "taken" : "fresh-" + t;
          futures.add(
              pool.submit(
                  () -> {
                    go.await();
                    group.insert(new Document("_id", id).append("n", 1));
                    return null;
                  }));
        }
        go.countDown();
        for (int t = 0; t < 6; t++) {
          Future<?> f = futures.get(t);
          if (t == 3) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(MongoWriteException.class)
                .satisfies(
                    e ->
                        assertThat(ErrorCategory.fromErrorCode(((MongoWriteException) e).getCode()))
                            .isEqualTo(ErrorCategory.DUPLICATE_KEY));
          } else {
            f.get(30, TimeUnit.SECONDS);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(c.countDocuments()).isEqualTo(6);
      assertThat(c.find(new Document("_id", "taken")).first()).doesNotContainKey("n");
    }
  }

  private static List<String> run(
      int threads, int each, GroupInsert group, java.util.function.IntFunction<String> prefix)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String p = prefix.apply(t);
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    String id = p + "-" + i;
                    group.insert(new Document("_id", id).append("title", "ticket " + i));
                    mine.add(id);
                  }
                  return mine;
                }));
      }
      go.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        all.addAll(f.get(120, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
