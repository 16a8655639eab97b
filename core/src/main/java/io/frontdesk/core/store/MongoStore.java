package io.frontdesk.core.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.ConnectionPoolListener;
import io.frontdesk.core.config.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of truth: a MongoDB database reached through the official driver, either the embedded
 * store (no URI) or the MongoDB the URI names. Callers see only the driver's API, so the same code
 * runs against both.
 */
public final class MongoStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

  /**
   * The deadline for a request's store call or a write-behind batch (the driver's timeoutMS, per
   * collection: {@code collection.withTimeout}). Without one a call waits on its socket for as long
   * as the store takes: a stalled embedded store held bot threads for minutes (docs/BENCHMARKS.md,
   * "Bot: the store stall under load"). Long reads (imports, reports, start-up loads) go without.
   */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The collection with a deadline of at most {@code max} per call; a shorter one already set on
   * the database (a test's) is kept.
   */
  public static MongoCollection<Document> bounded(MongoDatabase db, String name, Duration max) {
    Long set = db.getTimeout(TimeUnit.MILLISECONDS);
    long ms = set == null || set == 0 ? max.toMillis() : Math.min(set, max.toMillis());
    return db.getCollection(name).withTimeout(ms, TimeUnit.MILLISECONDS);
  }

  private final Optional<EmbeddedMongo> embedded;
  private final MongoClient client;
  private final MongoDatabase database;

  private MongoStore(Optional<EmbeddedMongo> embedded, MongoClient client, String databaseName) {
    this.embedded = embedded;
    this.client = client;
    // Majority writes are what make an acknowledged ticket survive a replica-set failover; the
    // embedded store accepts and ignores the concern (it commits before acknowledging instead).
    this.database =
        client
            .getDatabase(databaseName)
            .withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
            .withReadConcern(ReadConcern.DEFAULT);
  }

  /** Options for opening the store; listeners feed the metrics. */
  public record Options(
      Optional<String> uri,
      Path dataDir,
      String databaseName,
      List<CommandListener> commandListeners,
      List<ConnectionPoolListener> poolListeners) {}

  public static MongoStore open(Options options) {
    Optional<EmbeddedMongo> embedded =
        options.uri().isPresent()
            ? Optional.empty()
            : Optional.of(EmbeddedMongo.start(options.dataDir()));
    String uri = options.uri().orElseGet(() -> embedded.orElseThrow().connectionString());
    try {
      MongoClientSettings.Builder settings =
          MongoClientSettings.builder()
              .applyConnectionString(new ConnectionString(uri))
              .applicationName("frontdesk")
              .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
              .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS));
      options.commandListeners().forEach(settings::addCommandListener);
      options
          .poolListeners()
          .forEach(
              l -> settings.applyToConnectionPoolSettings(b -> b.addConnectionPoolListener(l)));
      MongoClient client = MongoClients.create(settings.build());
      LOG.info(
          "Store: {} database '{}'",
          embedded.isPresent() ? "embedded" : Redaction.uri(uri),
          options.databaseName());
      return new MongoStore(embedded, client, options.databaseName());
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedMongo::close);
      throw new StoreException(
          "Cannot connect to the store at " + Redaction.uri(uri) + ": " + e.getMessage(), e);
    }
  }

  /** A store for tests and tools: the embedded store in this directory. */
  public static MongoStore embedded(Path dataDir, String databaseName) {
    return open(new Options(Optional.empty(), dataDir, databaseName, List.of(), List.of()));
  }

  public MongoDatabase database() {
    return database;
  }

  public MongoClient client() {
    return client;
  }

  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  /**
   * Round-trips a ping; throws if the store does not answer within two seconds, so that a health
   * probe notices a lost store quickly instead of waiting out server selection. Blocking.
   */
  public void ping() {
    database.withTimeout(2, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      embedded.ifPresent(EmbeddedMongo::close);
    }
  }
}
