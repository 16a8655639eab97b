package io.frontdesk.bot.conversation;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.commands.CommandRegistry;
import io.frontdesk.bot.commands.CommandSpec;
import io.frontdesk.core.http.ApiException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of the conversation, channel-independent: an active guided dialogue gets the text first,
 * then the command registry, then the knowledge base. Refusals and bad input become a plain reply
 * (never a stack trace); both sides of the exchange go into the scrubbed transcript.
 */
public final class Conversation {
  private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
  static final String BOT = "Frontdesk";

  private final BotServices s;
  private final CommandRegistry registry;
  private final Map<String, Dialogue> dialogues = new HashMap<>();

  public Conversation(BotServices services, CommandRegistry registry, List<Dialogue> dialogues) {
    this.s = services;
    this.registry = registry;
    dialogues.forEach(d -> this.dialogues.put(d.kind(), d));
  }

  public Future<List<Reply>> handle(Turn turn) {
    boolean[] sensitive = {false};
    Future<List<Reply>> replies;
    try {
      replies = route(turn, sensitive);
    } catch (RuntimeException e) {
      replies = Future.failedFuture(e);
    }
    return replies
        .recover(e -> Future.succeededFuture(List.of(Reply.text(explain(e)))))
        .compose(r -> record(turn, r, sensitive[0]).map(r));
  }

  private Future<List<Reply>> route(Turn turn, boolean[] sensitive) {
    if (turn.value() != null && turn.value().getValue("action") instanceof String) {
      return registry.dispatch(turn);
    }
    if (turn.value() != null && turn.text().isEmpty()) {
      return Future.succeededFuture(
          List.of(Reply.text("I didn't recognise that card. Type **help** to see what I can do.")));
    }
    // Kept in process when this is the store's only writer: no store read, no thread hop.
    org.bson.Document cached = s.state().cached(turn.key());
    Future<org.bson.Document> current =
        cached != null
            ? Future.succeededFuture(cached)
            : s.blocking().call(() -> s.state().get(turn.key()));
    return current.compose(
        state -> {
          org.bson.Document d = state.get("dialogue", org.bson.Document.class);
          Dialogue waiting = d == null ? null : dialogues.get(d.getString("kind"));
          if (waiting == null) {
            return registry.dispatch(turn);
          }
          sensitive[0] = waiting.sensitiveInput();
          return waiting.answer(turn, turn.text());
        });
  }

  private static String explain(Throwable e) {
    if (e instanceof ApiException api && api.status() < 500) {
      return api.getMessage();
    }
    LOG.warn("Bot turn failed: {}", e.toString());
    return "Sorry, something went wrong on my side. Please try again in a moment, or type **talk to"
        + " a person**.";
  }

  private Future<Void> record(Turn turn, List<Reply> replies, boolean sensitiveInput) {
    List<String> lines = new ArrayList<>();
    String who =
        turn.displayName() == null || turn.displayName().isBlank() ? "User" : turn.displayName();
    if (!turn.text().isEmpty()) {
      lines.add(who + ": " + (sensitiveInput ? "[one-time code, not recorded]" : turn.text()));
    } else if (turn.value() != null) {
      lines.add(who + ": [" + turn.value().getString("action", "card") + "]");
    }
    replies.forEach(r -> lines.add(BOT + ": " + r.transcriptLine()));
    Future<Void> saved;
    if (s.state().writesBehind()) {
      // Only queued: no need to leave this thread for it.
      try {
        s.state().record(turn.key(), turn.notes(), lines);
        saved = Future.succeededFuture();
      } catch (RuntimeException e) {
        saved = Future.failedFuture(e);
      }
    } else {
      saved = s.blocking().run(() -> s.state().record(turn.key(), turn.notes(), lines));
    }
    return saved.recover(
        e -> {
          LOG.warn("Transcript not saved: {}", e.toString());
          return Future.succeededFuture();
        });
  }

  /** The card sent when the bot is installed or added to a chat: what it can do. */
  public Reply welcome(Turn turn) {
    List<io.vertx.core.json.JsonObject> body = new ArrayList<>();
    body.add(Cards.title("Hello, I'm Frontdesk, the IT service desk"));
    body.add(
        Cards.text(
            "Ask me an IT question in your own words and I'll find the answer. If I can't, I'll"
                + " raise a ticket for you without making you repeat yourself."));
    StringBuilder can = new StringBuilder();
    for (CommandSpec spec : registry.specs()) {
      can.append("- **").append(spec.name()).append("**: ").append(spec.summary()).append('\n');
    }
    body.add(Cards.text(can.toString().strip()));
    body.add(Cards.subtle("Type **help** at any time."));
    return Reply.card(
        "Hello, I'm Frontdesk. Ask me an IT question, or type help.",
        Cards.card(
            body, List.of(Cards.submit("Report a problem", Cards.action("incident.start")))));
  }

  public CommandRegistry registry() {
    return registry;
  }
}
