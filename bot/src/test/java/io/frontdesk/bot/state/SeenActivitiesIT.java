package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-process set of claimed ids on the embedded store (the only guard there) stays bounded
 * without ever letting a recent redelivery through: the oldest ids go first, and one forgotten
 * young keeps its fingerprint, so no claim reads the store.
 */
class SeenActivitiesIT {
  static final long TEN_MINUTES = Duration.ofMinutes(10).toNanos();

  final Vertx vertx = Vertx.vertx();
  final MongoStore store = TestStores.fresh();
  // A long interval: claims stay queued until the set overflows and flushes them.
  final WriteBehinds buffers =
      WriteBehinds.batched(
          vertx, new WriteBehinds.Options(1000, 1000, 600_000), new SimpleMeterRegistry());

  @AfterEach
  void close() {
    vertx.close().await();
    store.close();
  }

  SeenActivities embedded(int max, long window) {
    return new SeenActivities(
        store.database(), Duration.ofHours(1), Clock.systemUTC(), buffers, false, max, window);
  }

  @Test
  void pastTheCapEveryRecentRedeliveryIsStillRefused() {
    SeenActivities seen = embedded(5, TEN_MINUTES);
    for (int i = 0; i < 20; i++) {
      assertThat(seen.claim("msteams", "c", "a" + i)).as("first delivery of a%d", i).isTrue();
    }
    seen.awaitEviction();
    assertThat(seen.forgottenYoung("msteams|c|a0")).as("forgotten young").isTrue();
    assertThat(seen.forgottenYoung("msteams|c|a19")).as("still in process").isFalse();
    // The store is not what refuses them: empty it.
    store.database().getCollection(SeenActivities.COLLECTION).deleteMany(new Document());
    // The newest were never forgotten; the oldest were, and their fingerprints refuse them.
    assertThat(seen.claim("msteams", "c", "a19")).as("recent, in process").isFalse();
    assertThat(seen.claim("msteams", "c", "a0"))
        .as("forgotten, refused by its fingerprint")
        .isFalse();
    assertThat(seen.claim("msteams", "c", "a1"))
        .as("forgotten, refused by its fingerprint")
        .isFalse();
    assertThat(seen.claim("msteams", "c", "a20")).as("a new activity").isTrue();
    assertThat(seen.claim("msteams", "c", "a20")).isFalse();
  }

  @Test
  void aClaimTheFullBufferCannotTakeIsWrittenAtOnceNotLost() {
    // Room for two queued claims: most of the twenty below find the buffer full.
    WriteBehinds tiny =
        WriteBehinds.batched(
            vertx, new WriteBehinds.Options(2, 1000, 600_000), new SimpleMeterRegistry());
    SeenActivities seen =
        new SeenActivities(
            store.database(), Duration.ofHours(1), Clock.systemUTC(), tiny, false, 5, TEN_MINUTES);
    for (int i = 0; i < 20; i++) {
      assertThat(seen.claim("msteams", "c", "a" + i)).as("first delivery of a%d", i).isTrue();
    }
    seen.awaitEviction();
    // Every id the set forgot must still be refused: none was dropped on the way.
    for (int i = 0; i < 20; i++) {
      assertThat(seen.claim("msteams", "c", "a" + i)).as("redelivery of a%d", i).isFalse();
    }
  }

  @Test
  void belowTheCapNothingIsForgotten() {
    SeenActivities seen = embedded(100, TEN_MINUTES);
    for (int i = 0; i < 20; i++) {
      assertThat(seen.claim("msteams", "c", "a" + i)).isTrue();
    }
    assertThat(seen.forgottenYoung("msteams|c|a0")).isFalse();
    assertThat(seen.claim("msteams", "c", "a0")).isFalse();
  }

  @Test
  void idsOlderThanTheWindowAreForgottenWithoutAFingerprint() throws Exception {
    long window = Duration.ofMillis(50).toNanos();
    SeenActivities seen = embedded(5, window);
    for (int i = 0; i < 5; i++) {
      assertThat(seen.claim("msteams", "c", "old" + i)).isTrue();
    }
    long past = System.nanoTime() + window;
    while (System.nanoTime() - past <= 0) {
      Thread.onSpinWait();
    }
    assertThat(seen.claim("msteams", "c", "new")).isTrue();
    seen.awaitEviction();
    for (int i = 0; i < 5; i++) {
      assertThat(seen.forgottenYoung("msteams|c|old" + i))
          .as("past the window: no redelivery can come, nothing is kept")
          .isFalse();
    }
  }
}
