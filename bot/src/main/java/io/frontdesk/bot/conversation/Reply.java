package io.frontdesk.bot.conversation;

import io.vertx.core.json.JsonObject;

/**
 * One message from the bot: plain text (Markdown as Teams renders it), or an Adaptive Card with the
 * text as its summary (for notifications and the transcript).
 *
 * @param secret shown once to the person and never recorded: the transcript gets a placeholder
 * @param card the card, or null for text or a card given as JSON text
 * @param transcript the transcript's line for this reply when it should say less than the text (an
 *     answer card: which article was offered, not its whole excerpt); null: the text
 * @param encodedCard the card as JSON text (see {@link #encodedCard}), or null
 */
public record Reply(
    String text, JsonObject card, boolean secret, String transcript, String encodedCard) {
  public static Reply text(String text) {
    return new Reply(text, null, false, null, null);
  }

  public static Reply card(String summary, JsonObject card) {
    return new Reply(summary, card, false, null, null);
  }

  /**
   * A card already encoded as JSON (the answer card, assembled from parts encoded once per
   * excerpt): sent as it is.
   */
  public static Reply encodedCard(String summary, String json) {
    return new Reply(summary, null, false, null, json);
  }

  /** A message holding a secret (a temporary password): sent, never stored or logged. */
  public static Reply secret(String text) {
    return new Reply(text, null, true, null, null);
  }

  /** The same reply, recorded in the transcript as {@code line}. */
  public Reply recordedAs(String line) {
    return new Reply(text, card, secret, line, encodedCard);
  }

  /** What the transcript keeps of this reply. */
  public String transcriptLine() {
    if (secret) {
      return "[shown once, not recorded]";
    }
    return transcript == null ? text : transcript;
  }

  @Override
  public String toString() {
    return secret ? "Reply[secret]" : "Reply[" + text + "]";
  }

  public boolean isCard() {
    return card != null || encodedCard != null;
  }

  /** The card as JSON text; null for text. */
  public String cardJson() {
    return encodedCard != null ? encodedCard : card == null ? null : card.encode();
  }
}
