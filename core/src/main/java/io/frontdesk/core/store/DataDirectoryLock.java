package io.frontdesk.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS-level lock on a data directory, so that a second server started on the same
 * directory fails fast with a message that names it, before it opens (and could damage) the store.
 * The OS releases the lock when the process dies, so a kill -9 never leaves a stale lock behind.
 */
public final class DataDirectoryLock implements AutoCloseable {
  static final String LOCK_FILE = "frontdesk.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static DataDirectoryLock acquire(Path dir) {
    try {
      Files.createDirectories(dir);
      FileChannel ch =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new StoreException(
            "The data directory "
                + dir
                + " is in use by another Frontdesk process. Stop it, or set FRONTDESK_DATA_DIR"
                + " to another directory.");
      }
      return new DataDirectoryLock(ch, lock);
    } catch (IOException e) {
      throw new StoreException("Cannot use the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The OS drops the lock with the process anyway.
    }
  }
}
