package io.frontdesk.bot.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Adaptive Card building blocks (schema 1.4, which Teams renders on desktop, web and mobile).
 * Buttons carry {@code data.action}, the verb a {@link io.frontdesk.bot.commands.CardAction}
 * answers to; forms use Action.Execute (Universal Actions) with the same verb, and Teams clients
 * that predate it fall back to Action.Submit through {@code fallback}.
 */
public final class Cards {
  private Cards() {}

  private static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

  public static JsonObject card(List<JsonObject> body, List<JsonObject> actions) {
    return new JsonObject()
        .put("type", "AdaptiveCard")
        .put("$schema", SCHEMA)
        .put("version", "1.4")
        .put("body", new JsonArray(List.copyOf(body)))
        .put("actions", new JsonArray(List.copyOf(actions)));
  }

  /** The body's blocks encoded once, for {@link #cardJson} to use for many cards. */
  public static String encodeBody(List<JsonObject> body) {
    return new JsonArray(List.copyOf(body)).encode();
  }

  /**
   * The JSON text of {@code card(body, actions)}, with the body already encoded by {@link
   * #encodeBody}: an answer's body (the article's excerpt, the longest part) is encoded once per
   * excerpt rather than once per answer.
   */
  public static String cardJson(String encodedBody, List<JsonObject> actions) {
    String encodedActions = new JsonArray(List.copyOf(actions)).encode();
    return new StringBuilder(
            CARD_START.length() + encodedBody.length() + encodedActions.length() + 16)
        .append(CARD_START)
        .append(encodedBody)
        .append(",\"actions\":")
        .append(encodedActions)
        .append('}')
        .toString();
  }

  /** What {@link #card} encodes to before its body, in the same key order. */
  private static final String CARD_START =
      new JsonObject()
              .put("type", "AdaptiveCard")
              .put("$schema", SCHEMA)
              .put("version", "1.4")
              .encode()
              .replaceFirst("}$", "")
          + ",\"body\":";

  public static JsonObject title(String text) {
    return text(text).put("size", "Medium").put("weight", "Bolder");
  }

  public static JsonObject text(String text) {
    return new JsonObject().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  public static JsonObject subtle(String text) {
    return text(text).put("isSubtle", true).put("size", "Small");
  }

  public static JsonObject error(String text) {
    return text(text).put("color", "Attention").put("weight", "Bolder");
  }

  public static JsonObject submit(String title, JsonObject data) {
    return new JsonObject().put("type", "Action.Submit").put("title", title).put("data", data);
  }

  public static JsonObject openUrl(String title, String url) {
    return new JsonObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  /** Action.Execute with an Action.Submit fallback carrying the same data. */
  public static JsonObject execute(String title, JsonObject data) {
    return new JsonObject()
        .put("type", "Action.Execute")
        .put("title", title)
        .put("verb", data.getString("action"))
        .put("data", data)
        .put("fallback", submit(title, data));
  }

  public static JsonObject action(String verb) {
    return new JsonObject().put("action", verb);
  }

  public static JsonObject facts(List<String[]> pairs) {
    JsonArray facts = new JsonArray();
    pairs.forEach(p -> facts.add(new JsonObject().put("title", p[0]).put("value", p[1])));
    return new JsonObject().put("type", "FactSet").put("facts", facts);
  }

  /** Text or rich text safe for a TextBlock: no HTML, no Markdown links or images from users. */
  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

  public static String plain(String s) {
    if (s == null) {
      return "";
    }
    return TAG.matcher(s).replaceAll("").replace("](", "] (").replace("![", "[").strip();
  }
}
