package io.frontdesk.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What the transcript keeps of a reply: its text, a shorter line when given, never a secret. */
class ReplyTest {
  @Test
  void theTranscriptKeepsTheTextUnlessAShorterLineIsGiven() {
    assertThat(Reply.text("Try restarting it.").transcriptLine()).isEqualTo("Try restarting it.");
    Reply card = Reply.card("Reset your password\nLong excerpt...", new JsonObject());
    assertThat(card.recordedAs("[answer card] Reset your password").transcriptLine())
        .isEqualTo("[answer card] Reset your password");
    assertThat(card.recordedAs("x").text()).isEqualTo(card.text());
  }

  @Test
  void aSecretIsNeverRecorded() {
    Reply secret = Reply.secret("Your temporary password is Blue-Fox-42");
    assertThat(secret.transcriptLine()).isEqualTo("[shown once, not recorded]");
    assertThat(secret.recordedAs("Blue-Fox-42").transcriptLine())
        .isEqualTo("[shown once, not recorded]");
  }
}
