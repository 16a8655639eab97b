package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesAndPolicyTest {
  final SecureRandom random = new SecureRandom();

  @Test
  void temporaryPasswordsMeetThePolicyAndAvoidLookAlikesAndTheSignInName() {
    PasswordPolicy policy = new PasswordPolicy(14, 4);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      char[] p = policy.generate(random, "pshah");
      String s = new String(p);
      assertThat(s).hasSize(14).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
      assertThat(s).matches(".*[^A-Za-z0-9].*").doesNotContainPattern("[0O1lI]");
      assertThat(s.toLowerCase()).doesNotContain("pshah");
      seen.add(s);
    }
    assertThat(seen).hasSize(500);
    assertThat(policy.meets("Abcdefghijk12!".toCharArray(), "pshah")).isTrue();
    assertThat(policy.meets("abcdefghijk12!".toCharArray(), "pshah")).isFalse();
    assertThat(policy.meets("Xpshah-Longer-9".toCharArray(), "pshah")).isFalse();
    assertThat(policy.meets("Ab1!".toCharArray(), null)).isFalse();
  }

  @Test
  void codesAreSixDigitsAndOnlyTheirHmacIsComparable() {
    OneTimeCodes codes = new OneTimeCodes(new byte[32], random);
    String code = codes.newCode();
    assertThat(code).matches("\\d{6}");
    String hash = codes.hash("flow-a", code);
    assertThat(hash).hasSize(64).doesNotContain(code);
    assertThat(codes.matches("flow-a", code, hash)).isTrue();
    assertThat(codes.matches("flow-a", " " + code.substring(0, 3) + " " + code.substring(3), hash))
        .isTrue();
    assertThat(codes.matches("flow-b", code, hash)).isFalse();
    assertThat(codes.matches("flow-a", "12345a", hash)).isFalse();
    assertThat(codes.matches("flow-a", null, hash)).isFalse();
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(new OneTimeCodes(other, random).matches("flow-a", code, hash)).isFalse();
  }

  @Test
  void optionsHaveTheIssueDefaultsAndMaskTheKey() {
    FulfilmentOptions o = FulfilmentOptions.defaults();
    assertThat(o.codeTtl().toMinutes()).isEqualTo(10);
    assertThat(o.codeAttempts()).isEqualTo(3);
    assertThat(o.protectedGroups()).contains("domain admins", "global administrator");
    FulfilmentOptions keyed =
        FulfilmentOptions.load(
            Settings.of(
                Map.of(FulfilmentOptions.CODE_KEY, "a-long-enough-secret-key-for-hmac-0123")));
    assertThat(keyed.toString()).doesNotContain("a-long-enough");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FulfilmentOptions.load(Settings.of(Map.of(FulfilmentOptions.CODE_KEY, "short"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FulfilmentOptions.CODE_KEY);
  }
}
