package io.frontdesk.desk.directory;

/** A directory call that failed; the message is safe to log and never holds a secret. */
public final class DirectoryException extends RuntimeException {
  /** Why it failed, which decides what the user is told and whether a ticket is raised. */
  public enum Reason {
    /** Down, unreachable or timed out: nothing was changed. */
    UNAVAILABLE,
    /** The directory refused the change (policy, permissions): nothing was changed. */
    REFUSED
  }

  private final Reason reason;

  public DirectoryException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static DirectoryException unavailable(String message) {
    return new DirectoryException(Reason.UNAVAILABLE, message);
  }

  public static DirectoryException refused(String message) {
    return new DirectoryException(Reason.REFUSED, message);
  }
}
