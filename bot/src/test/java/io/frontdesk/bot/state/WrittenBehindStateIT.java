package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
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
 * The bot's memory written behind: a redelivery is refused in process before its claim is written,
 * and by another process (a second instance on the same store) once it is; a turn's notes are seen
 * by the next turn before they are written, and a ticket's transcript has every line.
 */
class WrittenBehindStateIT {
  final Vertx vertx = Vertx.vertx();
  final MongoStore store = TestStores.fresh();
  // A long interval: nothing is written unless flushed, so the tests see the queued state.
  final WriteBehinds buffers =
      WriteBehinds.batched(
          vertx, new WriteBehinds.Options(1000, 1000, 600_000), new SimpleMeterRegistry());

  @AfterEach
  void close() {
    vertx.close().await();
    store.close();
  }

  @Test
  void aRedeliveryIsRefusedBeforeAndAfterTheClaimIsWritten() throws Exception {
    SeenActivities here =
        new SeenActivities(store.database(), Duration.ofHours(1), Clock.systemUTC(), buffers, true);
    SeenActivities otherProcess =
        new SeenActivities(store.database(), Duration.ofHours(1), Clock.systemUTC());
    assertThat(here.claim("msteams", "c1", "a1")).isTrue();
    assertThat(here.claim("msteams", "c1", "a1")).as("same process, queued").isFalse();
    assertThat(store.database().getCollection(SeenActivities.COLLECTION).countDocuments()).isZero();

    buffers.flush().await(5, TimeUnit.SECONDS);
    assertThat(otherProcess.claim("msteams", "c1", "a1")).as("another process").isFalse();
    assertThat(otherProcess.claim("msteams", "c1", "a2")).isTrue();
    assertThat(here.claim("msteams", "c1", "a2")).as("claimed by the other process").isFalse();
  }

  @Test
  void withTheEmbeddedStoreARestartRemembersRecentClaims() throws Exception {
    SeenActivities before =
        new SeenActivities(
            store.database(), Duration.ofHours(1), Clock.systemUTC(), buffers, false);
    assertThat(before.claim("msteams", "c1", "a1")).isTrue();
    buffers.close().await(5, TimeUnit.SECONDS);

    SeenActivities restarted =
        new SeenActivities(
            store.database(), Duration.ofHours(1), Clock.systemUTC(), WriteBehinds.direct(), false);
    restarted.loadRecent();
    assertThat(restarted.claim("msteams", "c1", "a1")).as("claimed before the restart").isFalse();
    assertThat(restarted.claim("msteams", "c1", "a2")).isTrue();
  }

  @Test
  void queuedNotesAreSeenAndTheTranscriptIsComplete() throws Exception {
    ConversationState state =
        new ConversationState(store.database(), 40, Clock.systemUTC(), buffers);
    state.record(
        "k", new Document("lastQuestion", "printer jammed"), List.of("Ann: printer jammed"));
    state.record("k", new Document("lastArticle", "kb-1"), List.of("Frontdesk: try this"));
    assertThat(store.database().getCollection(ConversationState.COLLECTION).countDocuments())
        .as("still queued")
        .isZero();

    Document seen = state.get("k");
    assertThat(seen.getString("lastQuestion")).isEqualTo("printer jammed");
    assertThat(seen.getString("lastArticle")).isEqualTo("kb-1");

    assertThat(state.transcriptText("k")).isEqualTo("Ann: printer jammed\nFrontdesk: try this");
    assertThat(state.get("k").getString("lastQuestion")).isEqualTo("printer jammed");
  }

  @Test
  void theOnlyWriterKeepsNotesInProcessAndWritesOneUpdatePerConversation() throws Exception {
    ConversationState state =
        new ConversationState(store.database(), 3, Clock.systemUTC(), buffers, true);
    assertThat(state.cached("k")).as("nothing read yet").isNull();
    assertThat(state.get("k").getString("lastQuestion")).isNull();
    state.record("k", new Document("lastQuestion", "printer jammed"), List.of("Ann: a", "Bot: b"));
    state.record("k", new Document("lastArticle", "kb-1"), List.of("Ann: c", "Bot: d"));
    state.dialogue("k", new Document("kind", "incident").append("step", 1));

    Document kept = state.cached("k");
    assertThat(kept.getString("lastQuestion")).isEqualTo("printer jammed");
    assertThat(kept.getString("lastArticle")).isEqualTo("kb-1");
    assertThat(kept.get("dialogue", Document.class).getInteger("step")).isEqualTo(1);
    // A caller changing what it was given changes nothing kept.
    kept.get("dialogue", Document.class).put("step", 2);
    kept.put("lastArticle", "kb-2");
    assertThat(state.cached("k").get("dialogue", Document.class).getInteger("step")).isEqualTo(1);
    assertThat(state.get("k").getString("lastArticle")).isEqualTo("kb-1");

    state.flushBlocking();
    Document stored = store.database().getCollection(ConversationState.COLLECTION).find().first();
    assertThat(stored.getString("lastQuestion")).isEqualTo("printer jammed");
    assertThat(stored.getString("lastArticle")).isEqualTo("kb-1");
    assertThat(stored.getList("transcript", String.class))
        .as("two turns in one update, newest three lines kept")
        .containsExactly("Bot: b", "Ann: c", "Bot: d");
    state.dialogue("k", null);
    assertThat(state.cached("k").get("dialogue")).isNull();
  }

  @Test
  void withSeveralProcessesEveryTurnReadsTheStore() {
    ConversationState state =
        new ConversationState(store.database(), 40, Clock.systemUTC(), buffers, false);
    state.get("k");
    assertThat(state.cached("k")).isNull();
    store
        .database()
        .getCollection(ConversationState.COLLECTION)
        .insertOne(new Document("_id", "k").append("lastQuestion", "from another process"));
    assertThat(state.get("k").getString("lastQuestion")).isEqualTo("from another process");
  }
}
