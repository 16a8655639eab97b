package io.frontdesk.core.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bson.Document;

/**
 * A fresh embedded store that a test can stall, with write-behind buffers to stall: its own client
 * reaches the store through a {@link FreezingProxy}, with no deadline of its own (as in
 * production), while {@link #direct()} reads the store past the proxy. Test support.
 */
public final class StallableStore implements AutoCloseable {
  private final MongoStore store = TestStores.fresh();
  private final FreezingProxy proxy;
  private final MongoClient client;
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WriteBehinds buffers;

  /**
   * @param writeBehindMs how often the buffers drain by themselves
   */
  public StallableStore(long writeBehindMs) {
    try {
      proxy = FreezingProxy.to(store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(proxy.connectionString()))
                .build());
    buffers =
        WriteBehinds.batched(vertx, new WriteBehinds.Options(1000, 500, writeBehindMs), registry);
  }

  /** The store itself, past the proxy: what was really written. */
  public MongoStore direct() {
    return store;
  }

  /** The store's database through the proxy. */
  public MongoDatabase throughProxy() {
    return client.getDatabase(store.database().getName());
  }

  /** Batched buffers, drained on their worker. */
  public WriteBehinds buffers() {
    return buffers;
  }

  /** Entries of this buffer lost with a batch that could not be written. */
  public double failed(String buffer) {
    return registry.get("frontdesk.write.behind.failed").tag("buffer", buffer).counter().count();
  }

  /** From now on the proxy forwards nothing. */
  public void freeze() {
    proxy.freeze(true);
  }

  /**
   * Thaws the proxy and waits until the driver sees the store again: the freeze reset its monitor's
   * connection, and a call with a short deadline would not wait for the server to be found.
   */
  public void thaw() {
    proxy.freeze(false);
    client.getDatabase("admin").runCommand(new Document("ping", 1));
  }

  @Override
  public void close() throws IOException {
    vertx.close().await();
    client.close();
    proxy.close();
    store.close();
  }
}
