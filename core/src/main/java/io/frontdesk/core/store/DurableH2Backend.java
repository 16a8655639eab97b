package io.frontdesk.core.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
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
 * read). See docs/ARCHITECTURE.md, "The embedded store's file".
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
    return new TypedH2Database(databaseName, mv, getCursorRegistry());
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
}
