package io.frontdesk.core.store;

/** The store cannot be opened or reached. The message is meant for an operator. */
public final class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
