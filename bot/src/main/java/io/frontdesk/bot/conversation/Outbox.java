package io.frontdesk.bot.conversation;

import java.util.List;

/**
 * Proactive messages to a desk user's 1:1 chat with the bot. The channel layer implements it; it
 * returns at once, never throws, and drops (with a log line) messages for users it cannot reach.
 */
public interface Outbox {
  void send(String userId, List<Reply> replies);
}
