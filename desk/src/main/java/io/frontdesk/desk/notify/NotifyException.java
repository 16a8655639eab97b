package io.frontdesk.desk.notify;

/** A message that could not be sent; the message text never holds the body or a secret. */
public final class NotifyException extends RuntimeException {
  public NotifyException(String message) {
    super(message, null, false, false);
  }
}
