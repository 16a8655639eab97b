package io.frontdesk.bot.conversation;

import io.vertx.core.Future;
import java.util.List;

/**
 * A guided exchange that takes the person's next message (an incident being described, a one-time
 * code being typed). Its state lives in {@code bot_state.dialogue} with {@code kind} naming it.
 */
public interface Dialogue {
  String kind();

  /** What the person said while this dialogue was waiting for them. */
  Future<List<Reply>> answer(Turn turn, String text);

  /**
   * Whether what they type here is sensitive (a one-time code): the transcript gets a placeholder.
   */
  default boolean sensitiveInput() {
    return false;
  }
}
