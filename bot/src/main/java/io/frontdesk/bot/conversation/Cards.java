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

  public static JsonObject card(List<JsonObject> body, List<JsonObject> actions) {
    return new JsonObject()
        .put("type", "AdaptiveCard")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("version", "1.4")
        .put("body", new JsonArray(List.copyOf(body)))
        .put("actions", new JsonArray(List.copyOf(actions)));
  }

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
