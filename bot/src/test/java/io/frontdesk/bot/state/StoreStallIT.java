package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.FreezingProxy;
import io.frontdesk.core.testing.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's state when the store stops answering (a proxy that forwards nothing, as the embedded
 * store did while its network thread scanned): turns go on, a batch fails once its deadline passes
 * instead of holding the write-behind worker, and once the store answers again the next batches are
 * written (the driver's pool is not left paused). The deadline here is the database's 300 ms; the
 * product's is {@link MongoStore#CALL_TIMEOUT}.
 */
class StoreStallIT {
  final MongoStore store = TestStores.fresh();
  final Vertx vertx = Vertx.vertx();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final WriteBehinds buffers =
      WriteBehinds.batched(vertx, new WriteBehinds.Options(1000, 500, 50), registry);
  FreezingProxy proxy;
  MongoClient client;

  @AfterEach
  void close() throws Exception {
    vertx.close().await();
    if (client != null) {
      client.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    store.close();
  }

  MongoDatabase throughProxy() throws Exception {
    proxy = FreezingProxy.to(store);
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(proxy.connectionString()))
                .build());
    return client.getDatabase(store.database().getName()).withTimeout(300, TimeUnit.MILLISECONDS);
  }

  double failed(String buffer) {
    return registry.get("frontdesk.write.behind.failed").tag("buffer", buffer).counter().count();
  }

  @Test
  void turnsGoOnWhileTheStoreIsStalledAndBatchesResumeAfter() throws Exception {
    MongoDatabase db = throughProxy();
    ConversationState state = new ConversationState(db, 40, Clock.systemUTC(), buffers, true);
    SeenActivities seen =
        new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC(), buffers, false);
    state.record("k", new Document("lastQuestion", "before"), List.of("user: before"));
    buffers.flush().await();
    assertThat(state.get("k").getString("lastQuestion")).isEqualTo("before");

    proxy.freeze(true);
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertThat(seen.claim("msteams", "c", "stalled" + i)).isTrue();
      state.record("k", new Document("lastQuestion", "q" + i), List.of("user: q" + i));
      assertThat(state.cached("k").getString("lastQuestion")).isEqualTo("q" + i);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("turns only queue: none waits for the stalled store")
        .isLessThan(Duration.ofSeconds(1));
    // The worker gives up on each batch at its deadline instead of waiting on the socket.
    buffers.flush().await();
    assertThat(failed("bot_state")).isPositive();
    assertThat(failed("bot_activities")).isPositive();
    // A read on a turn's path fails at its deadline too.
    assertThatThrownBy(() -> new ConversationState(db, 40, Clock.systemUTC()).get("other"))
        .isInstanceOf(MongoException.class);

    thaw();
    state.record("k", new Document("lastQuestion", "after"), List.of("user: after"));
    seen.claim("msteams", "c", "after");
    buffers.flush().await();
    Document stored = store.database().getCollection(ConversationState.COLLECTION).find().first();
    assertThat(stored.getString("lastQuestion")).isEqualTo("after");
    assertThat(stored.getList("transcript", String.class)).contains("user: after");
    assertThat(
            store
                .database()
                .getCollection(SeenActivities.COLLECTION)
                .countDocuments(new Document("ids", "msteams|c|after")))
        .isEqualTo(1);
  }

  /**
   * Thaws the proxy and waits until the driver sees the store again: the freeze reset its monitor's
   * connection, and a write with a 300 ms deadline would not wait for the server to be found.
   */
  void thaw() {
    proxy.freeze(false);
    client.getDatabase("admin").runCommand(new Document("ping", 1));
  }
}
