package io.frontdesk.bot.commands;

import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.vertx.core.Future;
import java.util.List;
import java.util.regex.Matcher;

/** One typed command: its declared metadata and what it does. */
public interface BotCommand {
  CommandSpec spec();

  /** Runs after the registry matched the pattern and checked {@link CommandSpec#refusal}. */
  Future<List<Reply>> run(Turn turn, Matcher match);

  /** The work of a command. */
  interface Work {
    Future<List<Reply>> run(Turn turn, Matcher match);
  }

  static BotCommand of(CommandSpec spec, Work work) {
    return new BotCommand() {
      @Override
      public CommandSpec spec() {
        return spec;
      }

      @Override
      public Future<List<Reply>> run(Turn turn, Matcher match) {
        return work.run(turn, match);
      }
    };
  }
}
