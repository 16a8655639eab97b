package io.frontdesk.bot.commands;

import static io.frontdesk.bot.conversation.Cards.action;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.article.Excerpts;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchResponse;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Questions in the user's own words: a knowledge search with their audience. Confident: the
 * relevant part of the article in a card, with a portal link and "That solved it" / "Not quite".
 * Close candidates: a choice of up to three. Nothing good: say so and offer a ticket. The question
 * is remembered so a ticket raised next is pre-filled with it.
 */
public final class KnowledgeAnswers {
  static final int CANDIDATES = 3;

  private final BotServices s;

  public KnowledgeAnswers(BotServices services) {
    this.s = services;
  }

  /** The registry's fallback: anything that is not a command is a question. */
  public Future<List<Reply>> answer(Turn turn) {
    // The query log keeps questions for curators: never a password someone typed in.
    String q = io.frontdesk.desk.ticket.TextGuard.scrub(turn.text());
    if (q.length() > io.frontdesk.knowledge.search.SearchService.MAX_QUERY) {
      return Future.succeededFuture(
          List.of(
              Reply.text(
                  "That's a lot to search for. Ask me in a sentence or two, or type **report a"
                      + " problem** and I'll raise a ticket with the details.")));
    }
    Optional<String> userId = turn.user().map(u -> u.id());
    return s.search()
        // The card shows the article's own excerpt, never a snippet: no match marking.
        .search(new SearchRequest(q, turn.audience(), CANDIDATES, userId, "bot", false))
        .compose(r -> respond(turn, r));
  }

  private Future<List<Reply>> respond(Turn turn, SearchResponse r) {
    Document context =
        new Document("lastQuestion", r.query())
            .append("lastQueryId", r.queryId())
            .append("lastArticle", r.answer().map(SearchHit::id).orElse(null))
            .append(
                "lastService",
                r.answer()
                    .or(() -> r.results().stream().findFirst())
                    .map(SearchHit::service)
                    .orElse(null));
    // Saved with the transcript at the end of the turn: one write, not two.
    turn.notes().putAll(context);
    Future<Void> remembered = Future.succeededFuture();
    if (r.answer().isPresent()) {
      SearchHit hit = r.answer().get();
      return remembered.compose(
          v -> articleCard(turn, hit.id(), hit.url(), r.query(), r.queryId()));
    }
    if (!r.results().isEmpty()) {
      List<JsonObject> buttons = new ArrayList<>();
      for (SearchHit h : r.results().subList(0, Math.min(CANDIDATES, r.results().size()))) {
        buttons.add(
            Cards.submit(
                h.title(),
                action("kb.show")
                    .put("articleId", h.id())
                    .put("url", h.url())
                    .put("queryId", r.queryId())));
      }
      buttons.add(Cards.submit("None of these", action("kb.none")));
      return remembered.map(
          v ->
              List.of(
                  Reply.card(
                      "I'm not sure which of these you need.",
                      Cards.card(
                          List.of(Cards.text("I'm not sure which of these you need:")), buttons))));
    }
    return remembered.map(v -> List.of(nothingFound()));
  }

  private static Reply nothingFound() {
    return Reply.card(
        "I couldn't find an article that answers that.",
        Cards.card(
            List.of(
                Cards.text(
                    "I couldn't find an article that answers that. Shall I raise a ticket so"
                        + " someone on the service desk can help?")),
            List.of(
                Cards.submit("Raise a ticket", action("incident.start")),
                Cards.submit("Talk to a person", action("escalate")))));
  }

  /** The answer card: the relevant section, the portal link and the two feedback buttons. */
  Future<List<Reply>> articleCard(
      Turn turn, String articleId, String url, String query, String queryId) {
    return s.articles()
        .answerExcerpt(articleId, query, turn.audience())
        .map(
            ex -> {
              AnswerBody body = body(ex);
              JsonObject feedback =
                  action("kb.feedback").put("articleId", articleId).put("queryId", queryId);
              return List.of(
                  Reply.encodedCard(
                          body.summary(),
                          Cards.cardJson(
                              body.json(),
                              List.of(
                                  Cards.openUrl("Open in portal", url),
                                  Cards.submit(
                                      "That solved it", feedback.copy().put("helpful", true)),
                                  Cards.submit(
                                      "Not quite", feedback.copy().put("helpful", false)))))
                      // The transcript (bot_state, then a ticket) names the article and its link:
                      // the agent can open it, and the conversation's document stays small (the
                      // embedded store rewrites and re-serialises all of it on every update).
                      .recordedAs(transcriptLine(ex.title(), url)));
            });
  }

  /** An answer card's body (title, heading, excerpt) encoded, and its summary. */
  record AnswerBody(String json, String summary) {}

  /**
   * Answer bodies by excerpt: the same few sections answer most questions, and encoding an excerpt
   * (the card's longest part) once per answer was a visible share of the bot's CPU. Bounded: it
   * empties itself rather than grow past {@link #BODIES_MAX}; an edited article gives new excerpts.
   */
  private final Map<Excerpts.Excerpt, AnswerBody> bodies = new ConcurrentHashMap<>();

  static final int BODIES_MAX = 5_000;

  AnswerBody body(Excerpts.Excerpt ex) {
    AnswerBody known = bodies.get(ex);
    if (known != null) {
      return known;
    }
    List<JsonObject> blocks = new ArrayList<>();
    blocks.add(Cards.title(ex.title()));
    if (ex.heading() != null && !ex.heading().isBlank()) {
      blocks.add(Cards.text("**" + Cards.plain(ex.heading()) + "**"));
    }
    blocks.add(Cards.text(ex.text()));
    AnswerBody made = new AnswerBody(Cards.encodeBody(blocks), ex.title() + "\n" + ex.text());
    if (bodies.size() >= BODIES_MAX) {
      bodies.clear();
    }
    bodies.put(ex, made);
    return made;
  }

  /** The transcript's line for an answer card. */
  static String transcriptLine(String title, String url) {
    return "[answer card] " + title + (url == null || url.isEmpty() ? "" : " (" + url + ")");
  }

  /** "That solved it" / "Not quite": stored as article feedback; "Not quite" offers next steps. */
  public CardAction feedback() {
    return new CardAction() {
      @Override
      public String verb() {
        return "kb.feedback";
      }

      @Override
      public boolean needsUser() {
        return false;
      }

      @Override
      public Future<List<Reply>> run(Turn turn, JsonObject data) {
        String articleId = data.getString("articleId");
        if (articleId == null) {
          throw ApiException.badRequest("articleId is required");
        }
        boolean helpful =
            Boolean.TRUE.equals(data.getValue("helpful"))
                || "true".equals(String.valueOf(data.getValue("helpful")));
        return s.feedback()
            .rate(
                articleId,
                helpful,
                Optional.empty(),
                Optional.ofNullable(data.getString("queryId")),
                turn.user().map(u -> u.id()))
            .map(
                v ->
                    helpful
                        ? List.of(Reply.text("Great, glad that sorted it. Thanks for telling me."))
                        : List.of(
                            Reply.card(
                                "Sorry that didn't help. What next?",
                                Cards.card(
                                    List.of(
                                        Cards.text(
                                            "Sorry that didn't help. I can raise a ticket with"
                                                + " what you've told me, or hand you to a person.")),
                                    List.of(
                                        Cards.submit("Raise a ticket", action("incident.start")),
                                        Cards.submit("Talk to a person", action("escalate")))))));
      }
    };
  }

  /** A candidate picked from the choice. */
  public CardAction show() {
    return new CardAction() {
      @Override
      public String verb() {
        return "kb.show";
      }

      @Override
      public boolean needsUser() {
        return false;
      }

      @Override
      public Future<List<Reply>> run(Turn turn, JsonObject data) {
        String id = data.getString("articleId");
        if (id == null) {
          throw ApiException.badRequest("articleId is required");
        }
        String queryId = data.getString("queryId");
        Future<Void> click =
            queryId == null ? Future.succeededFuture() : s.feedback().click(queryId, id);
        turn.notes().put("lastArticle", id);
        return click
            .compose(v -> s.blocking().call(() -> s.state().get(turn.key())))
            .compose(
                ctx ->
                    articleCard(
                        turn,
                        id,
                        data.getString("url", ""),
                        ctx.getString("lastQuestion"),
                        queryId));
      }
    };
  }

  /** "None of these". */
  public CardAction none() {
    return new CardAction() {
      @Override
      public String verb() {
        return "kb.none";
      }

      @Override
      public boolean needsUser() {
        return false;
      }

      @Override
      public Future<List<Reply>> run(Turn turn, JsonObject data) {
        return Future.succeededFuture(List.of(nothingFound()));
      }
    };
  }
}
