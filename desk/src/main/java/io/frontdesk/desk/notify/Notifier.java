package io.frontdesk.desk.notify;

/**
 * The port for out-of-band messages (SMTP, GOV.UK Notify, the demo's mail drop). Blocking: call
 * through {@code Blocking}. Implementations must not log the message body, which can be a secret.
 */
public interface Notifier {
  /** Whether this notifier can reach this kind of contact ("email", "sms"). */
  boolean supports(String contactKind);

  /**
   * Sends the message.
   *
   * @throws NotifyException if it could not be handed over; the message names no secret
   */
  void send(Contact to, OutboundMessage message);

  /** What it is, for audit lines ("smtp", "govuk-notify", "mail-drop"). */
  String name();
}
