package io.frontdesk.core.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database, with each new collection's map and unique index's map opened
 * with {@link StoreMaps}' types first. The maps that already exist when the database opens are
 * opened by {@link DurableH2Backend} before this constructor runs: the superclass opens them from
 * its constructor, before {@link #store} is set.
 */
final class TypedH2Database extends H2Database {
  private final MVStore store;

  TypedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
    super(databaseName, store, cursors);
    this.store = store;
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    if (store != null) {
      StoreMaps.openData(store, StoreMaps.DATA_PREFIX + getFullCollectionNamespace(collectionName));
    }
    return super.openOrCreateCollection(collectionName, options);
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    if (store != null) {
      StoreMaps.openIndex(
          store, getFullCollectionNamespace(collectionName) + StoreMaps.INDEX_INFIX + indexName);
    }
    return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
  }
}
