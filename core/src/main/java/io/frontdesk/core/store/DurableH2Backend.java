package io.frontdesk.core.store;

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
 */
final class DurableH2Backend extends H2Backend {
  private final MVStore store;

  DurableH2Backend(MVStore store) {
    super(store);
    this.store = store;
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
