package io.frontdesk.desk.ticket;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of ticket text, comments and transcripts: anything that reads like a password
 * being given ("password is Xyz123!", "temp pwd: ...") is replaced before it is stored. The desk
 * never needs the secret itself, and fulfilment relies on tickets never holding one.
 */
public final class TextGuard {
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i)\\b((?:temporary |temp |new )?(?:password|passcode|pwd|pin|otp|(?:one[- ]time|verification|security) code))(\\s*(?:is|was|:|=)\\s*)(\\S+)");
  public static final String REDACTED = "[redacted]";

  private TextGuard() {}

  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    return SECRET.matcher(text).replaceAll("$1$2" + REDACTED);
  }
}
