package io.frontdesk.bot.commands;

import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatch by declared metadata: the first command whose pattern matches the whole message runs
 * (after its access check); anything else is a question for the fallback (the knowledge base). Card
 * buttons and forms dispatch on their verb. {@code help} is generated from the same specs.
 */
public final class CommandRegistry {
  private static final Pattern HELP = Pattern.compile("help|\\?|what can you do|commands");

  private final List<BotCommand> commands;

  /** The commands' specs, made once: a spec compiles its pattern. */
  private final List<CommandSpec> specs;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern END_PUNCTUATION = Pattern.compile("[.!?]+$");
  private final Map<String, CardAction> actions = new LinkedHashMap<>();
  private final Function<Turn, Future<List<Reply>>> fallback;

  public CommandRegistry(
      List<BotCommand> commands,
      List<CardAction> actions,
      Function<Turn, Future<List<Reply>>> fallback) {
    this.commands = List.copyOf(commands);
    this.specs = this.commands.stream().map(BotCommand::spec).toList();
    for (CardAction a : actions) {
      if (this.actions.put(a.verb(), a) != null) {
        throw new IllegalArgumentException("two card actions share the verb " + a.verb());
      }
    }
    this.fallback = fallback;
  }

  /** Lower case, single spaces, no trailing punctuation: what patterns are matched against. */
  public static String normalise(String text) {
    String t = SPACES.matcher(text.strip()).replaceAll(" ");
    return END_PUNCTUATION.matcher(t).replaceAll("").strip().toLowerCase(Locale.ROOT);
  }

  public Future<List<Reply>> dispatch(Turn turn) {
    if (turn.value() != null && turn.value().getValue("action") instanceof String verb) {
      return action(turn, verb, turn.value());
    }
    String text = normalise(turn.text());
    if (text.isEmpty() || HELP.matcher(text).matches()) {
      return Future.succeededFuture(List.of(helpReply(turn)));
    }
    for (int i = 0; i < commands.size(); i++) {
      BotCommand c = commands.get(i);
      CommandSpec spec = specs.get(i);
      Matcher m = spec.pattern().matcher(text);
      if (m.matches()) {
        String refusal = spec.refusal(turn);
        if (refusal != null) {
          return Future.succeededFuture(List.of(Reply.text(refusal)));
        }
        return c.run(turn, m);
      }
    }
    return fallback.apply(turn);
  }

  public Future<List<Reply>> action(Turn turn, String verb, JsonObject data) {
    CardAction a = actions.get(verb);
    if (a == null) {
      return Future.succeededFuture(
          List.of(
              Reply.text(
                  "That button is no longer available. Type **help** to see what I can do.")));
    }
    if (a.needsUser() && turn.user().isEmpty()) {
      return Future.succeededFuture(
          List.of(
              Reply.text(
                  "I don't know who you are on the service desk yet. Ask the service desk to link"
                      + " your Teams account.")));
    }
    return a.run(turn, data);
  }

  /** The transcript's line for the help text, which the registry can always give again. */
  static final String HELP_LINE = "[help: the list of commands]";

  /**
   * The help text as a reply; the transcript keeps a placeholder, not the list (the conversation's
   * document is rewritten whole by the embedded store on every update).
   */
  public Reply helpReply(Turn turn) {
    return Reply.text(help(turn)).recordedAs(HELP_LINE);
  }

  /** The help text for this sender in this chat: only what they may run here. */
  public String help(Turn turn) {
    StringBuilder b = new StringBuilder("Ask me a question in your own words, or try:\n\n");
    for (CommandSpec s : specs()) {
      if (s.visibleTo(turn)) {
        b.append("- **")
            .append(s.name())
            .append("**: ")
            .append(s.summary())
            .append(s.examples().isEmpty() ? "" : " (e.g. \"" + s.examples().get(0) + "\")")
            .append(s.personalOnly() ? " (1:1 chat only)" : "")
            .append('\n');
      }
    }
    return b.toString().strip();
  }

  public List<CommandSpec> specs() {
    return specs;
  }
}
