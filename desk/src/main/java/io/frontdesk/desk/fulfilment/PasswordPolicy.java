package io.frontdesk.desk.fulfilment;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The temporary password policy: a minimum length and how many of the four character classes
 * (upper, lower, digit, symbol) it must use; Active Directory's complexity rule is three of four
 * and no sign-in name inside. Generated passwords use every class and avoid look-alike characters
 * (0/O, 1/l/I), since people type them from the screen.
 */
public record PasswordPolicy(int length, int classes) {
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGIT = "23456789";
  private static final String SYMBOL = "!#%+-=?@";
  private static final String[] SETS = {UPPER, LOWER, DIGIT, SYMBOL};

  /** A fresh password meeting the policy that does not contain {@code login}. */
  public char[] generate(SecureRandom random, String login) {
    while (true) {
      char[] p = new char[length];
      for (int i = 0; i < p.length; i++) {
        String set = i < SETS.length ? SETS[i] : SETS[random.nextInt(SETS.length)];
        p[i] = set.charAt(random.nextInt(set.length()));
      }
      for (int i = p.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        char t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      if (meets(p, login)) {
        return p;
      }
      java.util.Arrays.fill(p, '\0');
    }
  }

  /** Whether a password meets the policy (length, classes, no sign-in name of 3+ characters). */
  public boolean meets(char[] p, String login) {
    if (p.length < length) {
      return false;
    }
    boolean[] seen = new boolean[4];
    for (char c : p) {
      if (Character.isUpperCase(c)) {
        seen[0] = true;
      } else if (Character.isLowerCase(c)) {
        seen[1] = true;
      } else if (Character.isDigit(c)) {
        seen[2] = true;
      } else {
        seen[3] = true;
      }
    }
    int n = 0;
    for (boolean b : seen) {
      n += b ? 1 : 0;
    }
    if (n < classes) {
      return false;
    }
    if (login != null && login.length() >= 3) {
      String lower = new String(p).toLowerCase(Locale.ROOT);
      return !lower.contains(login.toLowerCase(Locale.ROOT));
    }
    return true;
  }
}
