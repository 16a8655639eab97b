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
    // Nearly every text (a question, a transcript line) names no secret: one pass over its
    // characters proves it, where the regex would try a match at every word boundary.
    return mayNameSecret(text) ? scrubAlways(text) : text;
  }

  /** The regex on every text: what {@link #scrub} must always return the same as. */
  static String scrubAlways(String text) {
    return SECRET.matcher(text).replaceAll("$1$2" + REDACTED);
  }

  /**
   * False only if {@link #SECRET} cannot match: each of its keywords contains "pass", "pwd", "pin",
   * "otp" or "code". The regex ignores case for ASCII letters only; {@code regionMatches} folds
   * more, which can only say true where the regex then finds nothing.
   */
  static boolean mayNameSecret(String text) {
    for (int i = 0, end = text.length() - 2; i < end; i++) {
      // Sets the lower-case bit: 'P' and 'p' both give 'p', and no character above ASCII does.
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'p') {
        if (text.regionMatches(true, i + 1, "ass", 0, 3)
            || text.regionMatches(true, i + 1, "wd", 0, 2)
            || text.regionMatches(true, i + 1, "in", 0, 2)) {
          return true;
        }
      } else if (c == 'o') {
        if (text.regionMatches(true, i + 1, "tp", 0, 2)) {
          return true;
        }
      } else if (c == 'c' && text.regionMatches(true, i + 1, "ode", 0, 3)) {
        return true;
      }
    }
    return false;
  }
}
