package io.frontdesk.desk.fulfilment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit one-time codes, kept only as an HMAC-SHA256 of the flow id and the code under a server
 * key: a dump of the store cannot be brute-forced offline (a million codes, but the key is not in
 * the store), and a hash from one flow is useless in another.
 */
public final class OneTimeCodes {
  private final byte[] key;
  private final SecureRandom random;

  public OneTimeCodes(byte[] key, SecureRandom random) {
    this.key = key.clone();
    this.random = random;
  }

  public String newCode() {
    return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
  }

  public String hash(String flowId, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(flowId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(code.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Constant-time comparison of a typed code with the stored hash. */
  public boolean matches(String flowId, String typed, String storedHash) {
    if (typed == null || storedHash == null) {
      return false;
    }
    String code = typed.replaceAll("\\s", "");
    if (!code.matches("\\d{6}")) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(flowId, code).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
