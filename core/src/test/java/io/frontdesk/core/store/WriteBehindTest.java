package io.frontdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write-behind buffer: entries reach the sink in batches on the worker, a flush writes
 * everything queued before it, a full buffer drops and counts instead of growing, a failed batch is
 * counted and does not stop later ones, and close flushes.
 */
class WriteBehindTest {
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void batchesOnTheWorkerAndFlushWritesEverything() throws Exception {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    // A long interval: only a full batch or a flush writes.
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(1000, 10, 60_000), registry);
    WriteBehind<Integer> b = buffers.create("test", batch -> batches.add(List.copyOf(batch)));
    for (int i = 0; i < 25; i++) {
      assertThat(b.offer(i)).isTrue();
    }
    buffers.flush().await(5, TimeUnit.SECONDS);
    assertThat(b.pending()).isZero();
    assertThat(batches).allSatisfy(x -> assertThat(x.size()).isBetween(1, 10));
    assertThat(batches.stream().flatMap(List::stream).sorted().toList())
        .isEqualTo(java.util.stream.IntStream.range(0, 25).boxed().toList());
    assertThat(Thread.currentThread().getName()).doesNotStartWith(WriteBehinds.POOL);
  }

  @Test
  void theTimerDrainsWithoutAFlush() throws Exception {
    LinkedBlockingQueue<String> written = new LinkedBlockingQueue<>();
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(1000, 100, 20), registry);
    WriteBehind<String> b =
        buffers.create(
            "timer",
            batch -> {
              threads.add(Thread.currentThread().getName());
              written.addAll(batch);
            });
    b.offer("a");
    assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(threads).allSatisfy(t -> assertThat(t).startsWith(WriteBehinds.POOL));
    buffers.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aFullBufferDropsAndCountsInsteadOfGrowing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inSink = new CountDownLatch(1);
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(5, 1, 60_000), registry);
    WriteBehind<Integer> b =
        buffers.create(
            "full",
            batch -> {
              inSink.countDown();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              written.addAll(batch);
            });
    b.offer(0); // a full batch of one: the worker takes it and blocks in the sink
    assertThat(inSink.await(5, TimeUnit.SECONDS)).isTrue();
    int accepted = 0;
    for (int i = 1; i <= 20; i++) {
      accepted += b.offer(i) ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(5);
    assertThat(b.pending()).isEqualTo(5);
    assertThat(registry.counter("frontdesk.write.behind.dropped", "buffer", "full").count())
        .isEqualTo(15.0);
    release.countDown();
    buffers.close().await(5, TimeUnit.SECONDS);
    assertThat(written).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void aFailedBatchIsCountedAndLaterOnesStillWrite() throws Exception {
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(100, 100, 60_000), registry);
    WriteBehind<String> b = buffers.create("failing", failingOnBad(written));
    b.offer("bad");
    b.offer("lost with it");
    buffers.flush().await(5, TimeUnit.SECONDS);
    b.offer("good");
    buffers.flush().await(5, TimeUnit.SECONDS);
    assertThat(written).containsExactly("good");
    assertThat(registry.counter("frontdesk.write.behind.failed", "buffer", "failing").count())
        .isEqualTo(2.0);
  }

  @Test
  void aDrainWritesWhatWasQueuedAndReturnsWhileEntriesKeepComing() {
    // A sink that queues another entry for each one it writes: the queue never empties. (A batch of
    // 50: no offer here starts a drain of its own on the worker.)
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(100, 50, 60_000), registry);
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicReference<WriteBehind<Integer>> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    WriteBehind<Integer> b =
        buffers.create(
            "endless",
            batch -> {
              written.addAll(batch);
              if (written.size() < 1000) { // without the bound, a drain would end only here
                batch.forEach(i -> self.get().offer(i + 100));
              }
            });
    self.set(b);
    for (int i = 0; i < 5; i++) {
      b.offer(i);
    }
    b.flushBlocking();
    assertThat(written).containsExactly(0, 1, 2, 3, 4);
    assertThat(b.pending()).isEqualTo(5);
  }

  @Test
  void aFlushSaysWhetherEveryBatchWasWritten() {
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    WriteBehinds buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(100, 10, 60_000), registry);
    WriteBehind<String> b = buffers.create("partly", failingOnBad(written));
    b.offer("one");
    b.offer("bad");
    b.offer("two");
    // Below a batch: nothing drains on the worker before this flush. A caller that must know its
    // entries are stored (an eviction) learns that their batch was not.
    assertThat(b.flushAndCheck()).isFalse();
    assertThat(written).isEmpty();
    b.offer("three");
    assertThat(b.flushAndCheck()).isTrue();
  }

  @Test
  void aStoreCallIsBoundedByTheDatabasesDeadlineOrTheDefault() {
    try (com.mongodb.client.MongoClient client =
        com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:1")) {
      com.mongodb.client.MongoDatabase db = client.getDatabase("d");
      assertThat(
              MongoStore.bounded(db, "c", MongoStore.CALL_TIMEOUT)
                  .getTimeout(TimeUnit.MILLISECONDS))
          .isEqualTo(MongoStore.CALL_TIMEOUT.toMillis());
      assertThat(
              MongoStore.bounded(
                      db.withTimeout(300, TimeUnit.MILLISECONDS), "c", MongoStore.CALL_TIMEOUT)
                  .getTimeout(TimeUnit.MILLISECONDS))
          .isEqualTo(300L);
    }
  }

  @Test
  void aDirectBufferWritesAtOnceOnTheCallersThread() {
    List<String> threads = new ArrayList<>();
    WriteBehind<String> b =
        WriteBehinds.direct()
            .create("direct", batch -> threads.add(Thread.currentThread().getName()));
    b.offer("x");
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  /** A sink that fails every batch holding "bad" (the store down for it) and records the others. */
  static java.util.function.Consumer<List<String>> failingOnBad(List<String> written) {
    return batch -> {
      if (batch.contains("bad")) {
        throw new IllegalStateException("store down");
      }
      written.addAll(batch);
    };
  }
}
