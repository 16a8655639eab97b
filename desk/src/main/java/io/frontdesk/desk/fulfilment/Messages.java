package io.frontdesk.desk.fulfilment;

import io.frontdesk.desk.fulfilment.Outcome.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * What the person is told at each step, in one place so the bot and the portal say the same thing.
 * Plain English, no jargon, and always what happens next. No message ever holds a code.
 */
final class Messages {
  private Messages() {}

  static Outcome notPrivate() {
    return Outcome.of(
        Status.NOT_ALLOWED_HERE,
        "I can only reset a password in a private chat with me, so nobody else sees the"
            + " temporary password. Message me directly and ask again.");
  }

  static Outcome schoolAccount() {
    return Outcome.of(
        Status.NOT_ALLOWED_HERE,
        "School portal accounts are not in the council directory. Use \"Forgot your password?\""
            + " on the portal sign-in page instead.");
  }

  static Outcome rateLimited() {
    return Outcome.of(
        Status.RATE_LIMITED,
        "There have been too many requests. Please wait an hour and try again, or call the"
            + " Service Desk.");
  }

  static Outcome disabled() {
    return Outcome.of(
        Status.REFUSED_DISABLED,
        "Your account is disabled or has ended, so it cannot be reset or unlocked here. If you"
            + " think that is wrong, speak to your manager or the Service Desk.");
  }

  static Outcome notFound(FulfilmentKind kind) {
    return Outcome.of(
        Status.ACCOUNT_NOT_FOUND,
        "I could not find your account in the directory, so I cannot "
            + verb(kind)
            + " it. Please call the Service Desk.");
  }

  static Outcome privileged(FulfilmentKind kind, String ref) {
    return Outcome.of(
        Status.REFUSED_PRIVILEGED,
        "Your account has administrator or protected access, so I cannot "
            + verb(kind)
            + " it myself. I have raised "
            + ref
            + " and the Service Desk will contact you to check it is you.",
        ref);
  }

  static Outcome neverExpires(String ref) {
    return Outcome.of(
        Status.NOT_ALLOWED_HERE,
        "Your account is set so that its password never expires, so I could not make you choose"
            + " a new password after a reset. I have raised "
            + ref
            + " and the Service Desk will reset it for you.",
        ref);
  }

  static Outcome notLocked() {
    return Outcome.of(
        Status.NOT_LOCKED,
        "Your account is not locked, so there is nothing to unlock. If you have forgotten your"
            + " password, ask me to reset it.");
  }

  static Outcome unlockNotNeeded() {
    return Outcome.of(
        Status.NOT_ALLOWED_HERE,
        "Sign-in lockouts clear themselves after a few minutes here. If you have forgotten your"
            + " password, ask me to reset it.");
  }

  static Outcome noContact() {
    return Outcome.of(
        Status.NO_CONTACT,
        "Your account has no registered e-mail address or mobile number to send a code to,"
            + " so I cannot check it is you. Please call the Service Desk.");
  }

  static Outcome sendFailed() {
    return Outcome.of(
        Status.SEND_FAILED,
        "I could not send you a code just now, so nothing has changed. Please try again in a"
            + " few minutes or call the Service Desk.");
  }

  static String codeBody(FulfilmentKind kind, String code, Duration ttl) {
    return "Your code to "
        + verb(kind)
        + " your account is "
        + code
        + ". It expires in "
        + ttl.toMinutes()
        + " minutes. If you did not ask for this, tell the IT Service Desk.";
  }

  static Outcome codeSent(
      FulfilmentKind kind, String flowId, String masked, Instant expires, Duration ttl, int tries) {
    return new Outcome(
        Status.CODE_SENT,
        "I have sent a 6-digit code to "
            + masked
            + ". Type it here to "
            + verb(kind)
            + " your account. It expires in "
            + ttl.toMinutes()
            + " minutes.",
        flowId,
        masked,
        expires,
        tries,
        null,
        null);
  }

  static Outcome unknownFlow() {
    return Outcome.of(
        Status.UNKNOWN_FLOW,
        "I have no code request of yours waiting. Ask me again to start over.");
  }

  static Outcome finished() {
    return Outcome.of(
        Status.UNKNOWN_FLOW, "That code request has finished. Ask me again to start over.");
  }

  static Outcome expired() {
    return Outcome.of(
        Status.EXPIRED,
        "That code has expired, so nothing has changed. Ask me again for a new one.");
  }

  static Outcome wrongCode(String flowId, Instant expires, int left) {
    return new Outcome(
        Status.WRONG_CODE,
        "That code is not right. You have " + left + (left == 1 ? " try" : " tries") + " left.",
        flowId,
        null,
        expires,
        left,
        null,
        null);
  }

  static Outcome tooMany() {
    return Outcome.of(
        Status.TOO_MANY_ATTEMPTS,
        "That is too many wrong codes, so I have stopped this request and nothing has changed."
            + " Ask me again later, or call the Service Desk.");
  }

  static Outcome changedMeanwhile() {
    return Outcome.of(
        Status.REFUSED_PRIVILEGED,
        "Your account has changed since the code was sent and now needs an agent, so nothing"
            + " has changed. Please call the Service Desk.");
  }

  static Outcome unlocked(String ref) {
    return Outcome.of(
        Status.UNLOCKED,
        "Your account is unlocked" + audit(ref) + ". Your password has not changed.",
        ref);
  }

  static Outcome resetSent(String ref, String masked) {
    return Outcome.of(
        Status.PASSWORD_RESET,
        "Your password has been reset"
            + audit(ref)
            + ". I have sent a temporary password to "
            + masked
            + ". You will choose a new one when you sign in.",
        ref);
  }

  static Outcome resetShown(String ref, String temporary) {
    return new Outcome(
        Status.PASSWORD_RESET,
        "Your password has been reset"
            + audit(ref)
            + ". Sign in with the temporary password shown here; you will be asked to choose a"
            + " new one straight away. It is shown only once.",
        null,
        null,
        null,
        null,
        temporary,
        ref);
  }

  static Outcome directoryDown(FulfilmentKind kind, String ref) {
    return Outcome.of(
        Status.DIRECTORY_UNAVAILABLE,
        "I cannot reach the account directory just now, so nothing has changed. I have raised "
            + ref
            + " and the Service Desk will "
            + verb(kind)
            + " your account for you.",
        ref);
  }

  static Outcome directoryRefused(String ref) {
    return Outcome.of(
        Status.DIRECTORY_UNAVAILABLE,
        "The directory would not make the change, so nothing has changed. I have raised "
            + ref
            + " for the Service Desk.",
        ref);
  }

  static String verb(FulfilmentKind kind) {
    return kind == FulfilmentKind.RESET ? "reset" : "unlock";
  }

  private static String audit(String ref) {
    return ref == null ? "" : " (reference " + ref + ")";
  }
}
