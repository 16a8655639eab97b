package io.frontdesk.desk.notify;

/**
 * A short message sent out of band (a one-time code, a temporary password). It may hold a secret:
 * {@link #toString()} shows neither subject nor body, and notifiers never log either.
 */
public record OutboundMessage(String subject, String body) {
  @Override
  public String toString() {
    return "OutboundMessage[" + body.length() + " characters]";
  }
}
