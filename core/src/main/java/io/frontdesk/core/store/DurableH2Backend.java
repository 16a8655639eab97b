package io.frontdesk.core.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made durable: H2's MVStore otherwise commits in the background
 * about once a second, so a kill -9 loses writes that were already acknowledged (see
 * shared/notes/embedded-mongo.md). Here every command that left unsaved changes commits them before
 * its reply is written, so an acknowledged write is on disk (in the OS page cache, which survives a
 * process crash). Concurrent writers share commits, because {@link MVStore#commit()} is
 * synchronised and the second caller often finds nothing left to save.
 *
 * <p>Its databases open their document and unique-index maps with Frontdesk's data types ({@link
 * StoreMaps}): the same index order and key bytes as H2's default, each key serialised once instead
 * of at every comparison, and documents written as BSON (old, Java-serialised documents still
 * read). See docs/ARCHITECTURE.md, "The embedded store's file". Their collections are {@link
 * BoundedH2Collection}s, which scan without holding every matching document.
 */
final class DurableH2Backend extends H2Backend {
  private final MVStore store;

  DurableH2Backend(MVStore store) {
    super(store);
    this.store = store;
  }

  /** Called by the superclass's constructor too, for each database already in the file. */
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    MVStore mv = getMvStore();
    StoreMaps.openDatabase(mv, databaseName);
    return new TypedH2Database(databaseName, mv);
  }

  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    Document reply = super.handleCommand(channel, databaseName, command, query);
    if (store.hasUnsavedChanges()) {
      store.commit();
    }
    return reply;
  }

  /**
   * mongo-java-server's H2 database, with each new collection's map and unique index's map opened
   * with {@link StoreMaps}' types first, and {@link BoundedH2Collection} as its collection class.
   * An inner class because the superclass's constructor opens the existing collections, before any
   * field of this class is set: the backend's store is reachable then through the outer instance
   * (set before the superclass's constructor runs), not through a field of its own.
   */
  private final class TypedH2Database extends H2Database {

    TypedH2Database(String databaseName, MVStore store) {
      super(databaseName, store, getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      // The same map names as H2Database's own (mongo-java-server 1.47.0).
      String namespace = getFullCollectionNamespace(collectionName);
      MVStore mv = getMvStore();
      MVMap<Object, Document> data = StoreMaps.openData(mv, StoreMaps.DATA_PREFIX + namespace);
      MVMap<String, Object> meta = mv.openMap(StoreMaps.META_PREFIX + namespace);
      return new BoundedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      StoreMaps.openIndex(
          getMvStore(),
          getFullCollectionNamespace(collectionName) + StoreMaps.INDEX_INFIX + indexName);
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
  }
}
