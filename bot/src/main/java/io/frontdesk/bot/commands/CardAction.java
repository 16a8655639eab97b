package io.frontdesk.bot.commands;

import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A button or form on one of our cards. Its {@code verb} is the card's {@code data.action}
 * (Action.Submit) or {@code verb} (Action.Execute); both arrive here the same way.
 */
public interface CardAction {
  String verb();

  /** Whether the sender must be a known desk user. */
  default boolean needsUser() {
    return true;
  }

  Future<List<Reply>> run(Turn turn, JsonObject data);

  /** The work of a card action. */
  interface Work {
    Future<List<Reply>> run(Turn turn, JsonObject data);
  }

  /** A card action for known desk users. */
  static CardAction of(String verb, Work work) {
    return new CardAction() {
      @Override
      public String verb() {
        return verb;
      }

      @Override
      public Future<List<Reply>> run(Turn turn, JsonObject data) {
        return work.run(turn, data);
      }
    };
  }
}
