package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Secrets are redacted, ordinary text is left alone, and the fast path never changes a result. */
class TextGuardTest {
  static final List<String> HOSTILE =
      List.of(
          "my password is Xyz123!",
          "Temp PWD: hunter2 thanks",
          "new passcode = 4411",
          "PIN was 1234",
          "OTP:987654",
          "the one-time code is 55 and the verification code: 66",
          "Security Code = abc",
          "one time code is 12",
          "PaSsWoRd is Sesame",
          "temporary password: Winter2024! please change it",
          "text before\npassword is x\nand after",
          "pin is 1 pin is 2 pin is 3");

  static final List<String> ORDINARY =
      List.of(
          "",
          "a",
          "ab",
          "outlook won't sync",
          "I'm locked out of my laptop",
          "I need access to the finance shared mailbox",
          "the printer on floor 2 is jammed again",
          "Frontdesk: try restarting Teams, then sign in again",
          "password reset please",
          "my pin doesn't work",
          "spinning wheel when I open the code editor",
          "opinion: the pass was fine",
          "Größe Ärger Ünïcödé ſtraße ı İ K",
          "passwordis",
          "pwd");

  @Test
  void secretsAreRedacted() {
    assertThat(TextGuard.scrub("my password is Xyz123!")).isEqualTo("my password is [redacted]");
    assertThat(TextGuard.scrub("Temp PWD: hunter2 thanks"))
        .isEqualTo("Temp PWD: [redacted] thanks");
    assertThat(TextGuard.scrub("pin is 1 pin is 2"))
        .isEqualTo("pin is [redacted] pin is [redacted]");
    for (String text : HOSTILE) {
      assertThat(TextGuard.scrub(text)).as(text).contains(TextGuard.REDACTED);
    }
  }

  @Test
  void ordinaryTextIsReturnedAsItIs() {
    assertThat(TextGuard.scrub(null)).isNull();
    for (String text : ORDINARY) {
      assertThat(TextGuard.scrub(text)).as(text).isSameAs(text);
    }
    assertThat(TextGuard.mayNameSecret("outlook won't sync")).isFalse();
    assertThat(TextGuard.mayNameSecret("I'm locked out")).isFalse();
  }

  @Test
  void theFastPathGivesWhatTheRegexGives() {
    for (String text : HOSTILE) {
      assertThat(TextGuard.mayNameSecret(text)).as(text).isTrue();
      assertThat(TextGuard.scrub(text)).as(text).isEqualTo(TextGuard.scrubAlways(text));
    }
    for (String text : ORDINARY) {
      assertThat(TextGuard.scrub(text)).as(text).isEqualTo(TextGuard.scrubAlways(text));
    }
    // Random text from pieces of the keywords, separators and non-ASCII letters that fold case
    // differently, so that many samples hold a secret and many nearly do.
    List<String> pieces =
        List.of(
            "pass",
            "word",
            "PassWord",
            "pwd",
            "PIN",
            "p",
            "in",
            "otp",
            "o",
            "tp",
            "code",
            "CoDe",
            "one-time ",
            "one time ",
            "verification ",
            "security ",
            "temp ",
            "new ",
            " ",
            "\n",
            ":",
            "=",
            "is",
            "was",
            "x1!",
            "ı",
            "İ",
            "ſ",
            "K",
            "é",
            "-");
    Random random = new Random(15);
    int redacted = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String s = text.toString();
      String slow = TextGuard.scrubAlways(s);
      assertThat(TextGuard.scrub(s)).as(s).isEqualTo(slow);
      redacted += slow.equals(s) ? 0 : 1;
    }
    assertThat(redacted).as("samples holding a secret").isGreaterThan(500);
  }
}
