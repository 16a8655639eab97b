package io.frontdesk.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The search-based messaging extension: find a knowledge article from any chat's compose box and
 * share it as a card (title, snippet, "Open in portal"). Searches with the sender's audience.
 */
public final class ComposeExtension {
  public static final String COMMAND_ID = "searchArticles";
  private static final int RESULTS = 8;

  private final SearchService search;

  public ComposeExtension(SearchService search) {
    this.search = search;
  }

  Future<JsonNode> query(Turn turn, JsonNode value) {
    String q = "";
    if (value != null && value.path("parameters").isArray()) {
      for (JsonNode p : value.path("parameters")) {
        if (!"initialRun".equals(p.path("name").asText())) {
          q = p.path("value").asText("").strip();
        }
      }
    }
    if (q.isEmpty()) {
      return Future.succeededFuture(message("Type a few words to find an IT help article."));
    }
    String query =
        q.length() > SearchService.MAX_QUERY ? q.substring(0, SearchService.MAX_QUERY) : q;
    return search
        .search(
            new SearchRequest(query, turn.audience(), RESULTS, turn.user().map(u -> u.id()), "bot"))
        .map(
            r ->
                r.results().isEmpty()
                    ? message("No articles match \"" + query + "\".")
                    : results(r.results()));
  }

  private static JsonNode results(List<SearchHit> hits) {
    ArrayNode attachments = Serialization.createArrayNode();
    for (SearchHit h : hits) {
      String snippet = Cards.plain(h.snippet());
      JsonObject card =
          Cards.card(
              List.of(Cards.title(h.title()), Cards.text(snippet)),
              List.of(Cards.openUrl("Open in portal", h.url())));
      ObjectNode a = Serialization.createObjectNode();
      a.put("contentType", TeamsMessages.ADAPTIVE);
      a.set("content", SdkJson.tree(card.encode()));
      ObjectNode preview = Serialization.createObjectNode();
      preview.put("contentType", "application/vnd.microsoft.card.thumbnail");
      ObjectNode thumb = Serialization.createObjectNode();
      thumb.put("title", h.title());
      thumb.put("text", snippet);
      preview.set("content", thumb);
      a.set("preview", preview);
      attachments.add(a);
    }
    ObjectNode result = Serialization.createObjectNode();
    result.put("type", "result");
    result.put("attachmentLayout", "list");
    result.set("attachments", attachments);
    ObjectNode body = Serialization.createObjectNode();
    body.set("composeExtension", result);
    return body;
  }

  private static JsonNode message(String text) {
    ObjectNode result = Serialization.createObjectNode();
    result.put("type", "message");
    result.put("text", text);
    ObjectNode body = Serialization.createObjectNode();
    body.set("composeExtension", result);
    return body;
  }
}
