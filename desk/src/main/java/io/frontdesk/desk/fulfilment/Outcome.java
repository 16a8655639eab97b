package io.frontdesk.desk.fulfilment;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * What happened at a step of a self-service fulfilment, for the bot and the portal to show. The
 * {@link #message()} is written for the person and safe to show anywhere; {@link
 * #temporaryPassword()} is present only on {@link Status#PASSWORD_RESET} when it is to be shown,
 * and must be shown once, in a private conversation, and never stored or logged ({@link
 * #toString()} masks it).
 *
 * @param flowId present on {@link Status#CODE_SENT} (and on wrong-code retries): pass it to verify
 * @param maskedContact where the code went, masked ("j****@n****.gov.uk")
 * @param expiresAt when the code stops working
 * @param attemptsLeft code attempts left in this flow
 * @param ticketReference the REQ audit ticket, or the ticket raised for an agent or for security
 */
public record Outcome(
    Status status,
    String message,
    String flowId,
    String maskedContact,
    Instant expiresAt,
    Integer attemptsLeft,
    String temporaryPassword,
    String ticketReference) {

  /** Each step's result. The bot and the portal switch on it; the message says it in words. */
  public enum Status {
    /** A one-time code was sent; ask for it and call verify. */
    CODE_SENT(200),
    /** Verified and the password was reset; show the temporary password once (or it was sent). */
    PASSWORD_RESET(200),
    /** Verified and the account was unlocked. */
    UNLOCKED(200),
    /** The account is not locked, so nothing was done. */
    NOT_LOCKED(200),
    /** The code was wrong; attempts are left. */
    WRONG_CODE(400),
    /** The code expired; start again. */
    EXPIRED(410),
    /** Too many wrong codes; the flow is closed. */
    TOO_MANY_ATTEMPTS(429),
    /** Too many requests for this person, or overall; try later. */
    RATE_LIMITED(429),
    /** No such flow for this person, or it has already finished. */
    UNKNOWN_FLOW(404),
    /** The directory has no account for this person. */
    ACCOUNT_NOT_FOUND(404),
    /** A privileged or protected account: never by self-service; a ticket was raised. */
    REFUSED_PRIVILEGED(403),
    /** A disabled account or a leaver. */
    REFUSED_DISABLED(403),
    /** Not available on this channel or for this kind of account (e.g. a group chat). */
    NOT_ALLOWED_HERE(403),
    /** No registered contact to send a code to. */
    NO_CONTACT(409),
    /** The code could not be sent; nothing was changed. */
    SEND_FAILED(503),
    /** The directory is down or timed out; nothing was changed and a ticket was raised. */
    DIRECTORY_UNAVAILABLE(503);

    private final int httpStatus;

    Status(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public boolean succeeded() {
    return status == Status.CODE_SENT
        || status == Status.PASSWORD_RESET
        || status == Status.UNLOCKED
        || status == Status.NOT_LOCKED;
  }

  static Outcome of(Status status, String message) {
    return new Outcome(status, message, null, null, null, null, null, null);
  }

  static Outcome of(Status status, String message, String ticketReference) {
    return new Outcome(status, message, null, null, null, null, null, ticketReference);
  }

  /**
   * The JSON the API returns; the temporary password is included only here, once. A failure also
   * carries the usual {@code error} and numeric {@code status} of every API error.
   */
  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("outcome", status.wire()).put("message", message);
    if (!succeeded()) {
      j.put("error", message).put("status", status.httpStatus());
    }
    if (flowId != null) {
      j.put("flowId", flowId);
    }
    if (maskedContact != null) {
      j.put("sentTo", maskedContact);
    }
    if (expiresAt != null) {
      j.put("expiresAt", expiresAt.toString());
    }
    if (attemptsLeft != null) {
      j.put("attemptsLeft", attemptsLeft);
    }
    if (temporaryPassword != null) {
      j.put("temporaryPassword", temporaryPassword);
    }
    if (ticketReference != null) {
      j.put("ticket", ticketReference);
    }
    return j;
  }

  @Override
  public String toString() {
    return "Outcome[status="
        + status.wire()
        + ", flowId="
        + flowId
        + ", ticket="
        + ticketReference
        + (temporaryPassword == null ? "" : ", temporaryPassword=****")
        + "]";
  }
}
