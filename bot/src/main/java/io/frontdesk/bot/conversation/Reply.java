package io.frontdesk.bot.conversation;

import io.vertx.core.json.JsonObject;

/**
 * One message from the bot: plain text (Markdown as Teams renders it), or an Adaptive Card with the
 * text as its summary (for notifications and the transcript).
 *
 * @param secret shown once to the person and never recorded: the transcript gets a placeholder
 */
public record Reply(String text, JsonObject card, boolean secret) {
  public static Reply text(String text) {
    return new Reply(text, null, false);
  }

  public static Reply card(String summary, JsonObject card) {
    return new Reply(summary, card, false);
  }

  /** A message holding a secret (a temporary password): sent, never stored or logged. */
  public static Reply secret(String text) {
    return new Reply(text, null, true);
  }

  @Override
  public String toString() {
    return secret ? "Reply[secret]" : "Reply[" + text + "]";
  }

  public boolean isCard() {
    return card != null;
  }
}
