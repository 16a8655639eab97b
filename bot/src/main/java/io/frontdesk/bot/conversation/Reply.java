package io.frontdesk.bot.conversation;

import io.vertx.core.json.JsonObject;

/**
 * One message from the bot: plain text (Markdown as Teams renders it), or an Adaptive Card with the
 * text as its summary (for notifications and the transcript).
 */
public record Reply(String text, JsonObject card) {
  public static Reply text(String text) {
    return new Reply(text, null);
  }

  public static Reply card(String summary, JsonObject card) {
    return new Reply(summary, card);
  }

  public boolean isCard() {
    return card != null;
  }
}
