package io.frontdesk.portal.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Argon2id password hashing for school accounts (password4j, pure Java). Parameters follow OWASP's
 * minimum: 19 MiB memory, 2 iterations, 1 lane. CPU-heavy: call through {@code Blocking}.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final Set<String> COMMON =
      Set.of(
          "password1234",
          "passwordpassword",
          "123456789012",
          "qwertyuiopas",
          "letmeinletmein",
          "welcome12345",
          "iloveyou1234");

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);

  /**
   * A hash of a password nobody has, so unknown e-mails take as long as known ones. Made on first
   * use (a holder class), not at start-up, where it cost a few hundred ms of CPU.
   */
  private static final class Dummy {
    static final String HASH = hashWith("not-a-real-password-" + System.nanoTime());
  }

  public String hash(String password) {
    return hashWith(password);
  }

  private static String hashWith(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  public boolean verify(String password, String hash) {
    if (password == null || hash == null || !hash.startsWith("$argon2id$")) {
      // Spend the same time as a real check.
      Password.check(password == null ? "" : password, Dummy.HASH).with(ARGON2);
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** Why a new password is not acceptable, or empty if it is. */
  public static Optional<String> problem(String password, String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 5) {
      return Optional.of("Password is too easy to guess: use three or more random words");
    }
    if (email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT))) {
      return Optional.of("Password must not contain your email address");
    }
    return Optional.empty();
  }
}
