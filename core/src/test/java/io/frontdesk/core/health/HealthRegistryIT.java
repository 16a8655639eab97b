package io.frontdesk.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.frontdesk.core.store.MongoStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the store: DOWN before the first check, UP once the store answers, and DOWN
 * again (naming the store) when a MongoDB reached by URI goes away.
 */
class HealthRegistryIT {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void reportsTheStoreLostAndFound(@TempDir Path dir) throws Exception {
    MongoServer server = new MongoServer(H2Backend.inMemory());
    String uri = server.bindAndGetConnectionString();
    try (MongoStore store =
        MongoStore.open(
            new MongoStore.Options(Optional.of(uri), dir, "health", List.of(), List.of()))) {
      HealthRegistry health = new HealthRegistry(vertx);
      assertThat(health.ready()).isFalse();
      health.register(
          "store",
          () -> {
            store.ping();
            return null;
          });
      assertThat(health.report().getJsonObject("failing").getString("store")).isEqualTo("starting");

      health.start().await();
      // The first ping may exceed its 2 s budget on a loaded machine (a new connection, a cold
      // JIT); the next round, a second later, then passes. Wait for it instead of assuming it.
      waitFor(health::ready, Duration.ofSeconds(15));
      assertThat(health.report().getString("status")).isEqualTo("UP");

      server.shutdownNow();
      waitFor(() -> !health.ready(), Duration.ofSeconds(15));
      assertThat(health.report().getString("status")).isEqualTo("DOWN");
      assertThat(health.report().getJsonObject("failing").containsKey("store")).isTrue();
      health.stop();
    } finally {
      server.shutdownNow();
    }
  }

  private static void waitFor(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
      Thread.onSpinWait();
      Thread.sleep(20); // polling a condition with a deadline, not a fixed wait
    }
  }
}
