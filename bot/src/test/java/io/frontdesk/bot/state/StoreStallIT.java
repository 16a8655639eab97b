package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.StallableStore;
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
  final StallableStore stallable = new StallableStore(50);
  final WriteBehinds buffers = stallable.buffers();

  @AfterEach
  void close() throws Exception {
    stallable.close();
  }

  @Test
  void turnsGoOnWhileTheStoreIsStalledAndBatchesResumeAfter() throws Exception {
    MongoDatabase db = stallable.throughProxy().withTimeout(300, TimeUnit.MILLISECONDS);
    MongoStore store = stallable.direct();
    ConversationState state = new ConversationState(db, 40, Clock.systemUTC(), buffers, true);
    SeenActivities seen =
        new SeenActivities(db, Duration.ofHours(1), Clock.systemUTC(), buffers, false);
    state.record("k", new Document("lastQuestion", "before"), List.of("user: before"));
    buffers.flush().await();
    assertThat(state.get("k").getString("lastQuestion")).isEqualTo("before");

    stallable.freeze();
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
    assertThat(stallable.failed("bot_state")).isPositive();
    assertThat(stallable.failed("bot_activities")).isPositive();
    // A read on a turn's path fails at its deadline too.
    assertThatThrownBy(() -> new ConversationState(db, 40, Clock.systemUTC()).get("other"))
        .isInstanceOf(MongoException.class);

    stallable.thaw();
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
}
