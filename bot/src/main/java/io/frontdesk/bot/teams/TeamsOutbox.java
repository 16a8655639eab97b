package io.frontdesk.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import io.frontdesk.bot.conversation.Outbox;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.state.ConversationRefs;
import io.frontdesk.core.async.Blocking;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proactive messages through the Bot Connector: the user's stored 1:1 conversation reference and
 * {@code continueConversation}. Runs on a worker (the SDK's sends block) and never throws into the
 * desk; a user the bot has never talked to 1:1 is skipped with a log line (no ticket text).
 */
public final class TeamsOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(TeamsOutbox.class);

  private final TeamsAdapter adapter;
  private final ConversationRefs refs;
  private final Blocking blocking;

  public TeamsOutbox(TeamsAdapter adapter, ConversationRefs refs, Blocking blocking) {
    this.adapter = adapter;
    this.refs = refs;
    this.blocking = blocking;
  }

  @Override
  public void send(String userId, List<Reply> replies) {
    if (userId == null || replies.isEmpty()) {
      return;
    }
    blocking
        .run(() -> deliver(userId, replies))
        .onFailure(e -> LOG.warn("Proactive message to {} failed: {}", userId, e.toString()));
  }

  private void deliver(String userId, List<Reply> replies) {
    String json = refs.find(userId).orElse(null);
    if (json == null) {
      LOG.info("No 1:1 chat with {} yet; proactive message skipped", userId);
      return;
    }
    ConversationReference ref;
    try {
      ref = SdkJson.MAPPER.readValue(json, ConversationReference.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored conversation reference is unreadable", e);
    }
    List<Activity> out = replies.stream().map(TeamsMessages::activity).toList();
    adapter
        .continueConversation(
            adapter.appId(), ref, ctx -> ctx.sendActivities(out).thenApply(r -> null))
        .join();
  }
}
