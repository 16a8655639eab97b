package io.frontdesk.core.store;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire-compatible store: mongo-java-server with its H2 backend, one file under
 * the data directory, listening only on a loopback port. The application talks to it through the
 * official driver, exactly as it talks to a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
  static final String STORE_FILE = "store.mv.db";

  private final DataDirectoryLock lock;
  private final MVStore mvStore;
  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(
      DataDirectoryLock lock, MVStore mvStore, MongoServer server, InetSocketAddress address) {
    this.lock = lock;
    this.mvStore = mvStore;
    this.server = server;
    this.address = address;
  }

  /** Locks the data directory, opens its store file and starts the server on a loopback port. */
  public static EmbeddedMongo start(Path dataDir) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    MVStore mv = null;
    try {
      Path file = dataDir.resolve(STORE_FILE);
      mv = new MVStore.Builder().fileName(file.toString()).open();
      MongoServer server = new MongoServer(new DurableH2Backend(mv));
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      LOG.info("Embedded store {} listening on {}", file, address);
      return new EmbeddedMongo(lock, mv, server, address);
    } catch (RuntimeException e) {
      if (mv != null) {
        mv.closeImmediately();
      }
      lock.close();
      throw new StoreException(
          "Cannot open the embedded store in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } finally {
      try {
        if (!mvStore.isClosed()) {
          mvStore.close();
        }
      } finally {
        lock.close();
      }
    }
  }
}
