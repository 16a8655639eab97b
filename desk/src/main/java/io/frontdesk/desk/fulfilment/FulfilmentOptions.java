package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Self-service fulfilment's tunables, read through {@link Settings} with documented defaults (see
 * docs/FULFILMENT.md). {@link #toString()} masks the code key.
 *
 * @param codeKey the HMAC key one-time codes are hashed with; random per process when unset (codes
 *     then do not survive a restart, and several instances need the same configured key)
 * @param codeChannel "email" or "sms": where codes go first, if the account has that contact
 * @param userStartsPerHour starts per person per clock hour
 * @param startsPerHour starts per clock hour across everyone
 * @param alertAfterFailures failed flows (too many wrong codes) per person in 24 hours that raise a
 *     ticket in the security queue
 * @param protectedGroups directory groups whose members are never reset or unlocked by self-service
 * @param passwordDelivery "show" (once, in the private conversation) or "notify" (out of band)
 */
public record FulfilmentOptions(
    byte[] codeKey,
    Duration codeTtl,
    int codeAttempts,
    String codeChannel,
    int userStartsPerHour,
    int startsPerHour,
    int alertAfterFailures,
    Set<String> protectedGroups,
    PasswordPolicy passwordPolicy,
    String passwordDelivery,
    String escalationGroup,
    String securityGroup) {

  public static final String CODE_KEY = "FRONTDESK_FULFIL_CODE_KEY";
  public static final String CODE_TTL_MINUTES = "FRONTDESK_FULFIL_CODE_TTL_MINUTES";
  public static final String CODE_ATTEMPTS = "FRONTDESK_FULFIL_CODE_ATTEMPTS";
  public static final String CODE_CHANNEL = "FRONTDESK_FULFIL_CODE_CHANNEL";
  public static final String USER_STARTS_PER_HOUR = "FRONTDESK_FULFIL_USER_STARTS_PER_HOUR";
  public static final String STARTS_PER_HOUR = "FRONTDESK_FULFIL_STARTS_PER_HOUR";
  public static final String ALERT_AFTER_FAILURES = "FRONTDESK_FULFIL_ALERT_AFTER_FAILURES";
  public static final String PROTECTED_GROUPS = "FRONTDESK_FULFIL_PROTECTED_GROUPS";
  public static final String PASSWORD_LENGTH = "FRONTDESK_FULFIL_PASSWORD_LENGTH";
  public static final String PASSWORD_CLASSES = "FRONTDESK_FULFIL_PASSWORD_CLASSES";
  public static final String PASSWORD_DELIVERY = "FRONTDESK_FULFIL_PASSWORD_DELIVERY";
  public static final String ESCALATION_GROUP = "FRONTDESK_FULFIL_ESCALATION_GROUP";
  public static final String SECURITY_GROUP = "FRONTDESK_FULFIL_SECURITY_GROUP";

  /** Active Directory's protected groups (those AdminSDHolder guards), plus Entra's admin roles. */
  public static final String DEFAULT_PROTECTED_GROUPS =
      "Domain Admins,Enterprise Admins,Schema Admins,Administrators,Account Operators,"
          + "Backup Operators,Server Operators,Print Operators,Key Admins,Enterprise Key Admins,"
          + "Global Administrator,Privileged Role Administrator,User Administrator";

  public static FulfilmentOptions defaults() {
    return load(Settings.of(java.util.Map.of()));
  }

  public static FulfilmentOptions load(Settings s) {
    byte[] key =
        s.optional(CODE_KEY)
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .orElseGet(FulfilmentOptions::randomKey);
    if (key.length < 32) {
      throw new ConfigException(CODE_KEY + " must be at least 32 characters");
    }
    Set<String> groups = new LinkedHashSet<>();
    for (String g : s.string(PROTECTED_GROUPS, DEFAULT_PROTECTED_GROUPS).split(",")) {
      if (!g.isBlank()) {
        groups.add(g.trim().toLowerCase(Locale.ROOT));
      }
    }
    return new FulfilmentOptions(
        key,
        Duration.ofMinutes(s.integer(CODE_TTL_MINUTES, 10, 1, 60)),
        s.integer(CODE_ATTEMPTS, 3, 1, 10),
        s.oneOf(CODE_CHANNEL, "email", Set.of("email", "sms")),
        s.integer(USER_STARTS_PER_HOUR, 5, 1, 1000),
        s.integer(STARTS_PER_HOUR, 500, 1, 1_000_000),
        s.integer(ALERT_AFTER_FAILURES, 2, 1, 100),
        groups,
        new PasswordPolicy(
            s.integer(PASSWORD_LENGTH, 14, 10, 128), s.integer(PASSWORD_CLASSES, 4, 3, 4)),
        s.oneOf(PASSWORD_DELIVERY, "show", Set.of("show", "notify")),
        s.string(ESCALATION_GROUP, "service-desk"),
        s.string(SECURITY_GROUP, "security"));
  }

  private static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  /** A copy with other limits; for tests. */
  public FulfilmentOptions withLimits(int perUser, int overall, int alertAfter) {
    return new FulfilmentOptions(
        codeKey,
        codeTtl,
        codeAttempts,
        codeChannel,
        perUser,
        overall,
        alertAfter,
        protectedGroups,
        passwordPolicy,
        passwordDelivery,
        escalationGroup,
        securityGroup);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FulfilmentOptions f
        && Arrays.equals(codeKey, f.codeKey)
        && toString().equals(f.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "FulfilmentOptions[codeKey=****, codeTtl="
        + codeTtl
        + ", codeAttempts="
        + codeAttempts
        + ", codeChannel="
        + codeChannel
        + ", userStartsPerHour="
        + userStartsPerHour
        + ", startsPerHour="
        + startsPerHour
        + ", alertAfterFailures="
        + alertAfterFailures
        + ", protectedGroups="
        + protectedGroups
        + ", passwordPolicy="
        + passwordPolicy
        + ", passwordDelivery="
        + passwordDelivery
        + ", escalationGroup="
        + escalationGroup
        + ", securityGroup="
        + securityGroup
        + "]";
  }
}
