package io.frontdesk.core.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the embedded store's maps with Frontdesk's data types before mongo-java-server asks for
 * them by name ({@code MVStore.openMap(name)} returns a map already open, whatever its types). The
 * names are mongo-java-server 1.47.0's H2 backend's: a collection's documents live in {@code
 * databases.<db>.<collection>}, a unique index in {@code <db>.<collection>._index_<name>}; the
 * collection's {@code meta.} map keeps H2's default types.
 */
final class StoreMaps {
  static final String DATA_PREFIX = "databases.";
  static final String META_PREFIX = "meta.";
  static final String INDEX_INFIX = "._index_";

  /**
   * Per unique-index map: about 1,024 remembered keys of a few hundred bytes each (4,096 measured
   * no cheaper).
   */
  static final int KEY_CACHE_SIZE = 1024;

  /** Immutable once built (its templates are checked against real serialisations then). */
  private static final KeyValueSerializer SERIALIZER = new KeyValueSerializer();

  private StoreMaps() {}

  /** Opens every existing collection and unique-index map of this database with our types. */
  static void openDatabase(MVStore store, String databaseName) {
    String data = DATA_PREFIX + databaseName + ".";
    String index = databaseName + ".";
    for (String name : store.getMapNames()) {
      if (name.startsWith(data)) {
        openData(store, name);
      } else if (name.startsWith(index) && name.contains(INDEX_INFIX)) {
        openIndex(store, name);
      }
    }
  }

  @SuppressWarnings("unchecked") // DocumentValueType reads and writes only documents
  static MVMap<Object, Document> openData(MVStore store, String mapName) {
    MVMap<Object, Object> map =
        store.openMap(
            mapName, new MVMap.Builder<Object, Object>().valueType(new DocumentValueType()));
    return (MVMap<Object, Document>) (MVMap<?, ?>) map;
  }

  static void openIndex(MVStore store, String mapName) {
    store.openMap(
        mapName,
        new MVMap.Builder<Object, Object>().keyType(new IndexKeyType(KEY_CACHE_SIZE, SERIALIZER)));
  }
}
