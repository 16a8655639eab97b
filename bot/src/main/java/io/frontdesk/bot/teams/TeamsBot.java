package io.frontdesk.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import io.frontdesk.bot.conversation.Conversation;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Scope;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.bot.state.ConversationRefs;
import io.frontdesk.bot.state.SeenActivities;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot as the SDK sees it. It runs on a worker thread (the adapter's calls block), so it waits
 * for the conversation's Futures there, never on the event loop. Each activity id is acted on once.
 * The sender is mapped to a desk user only by the Azure AD object id that the (verified) channel
 * sent, and only for our own tenant when a tenant is configured.
 */
public final class TeamsBot implements Bot {
  private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
  private static final long WAIT_SECONDS = 30;

  private final Conversation conversation;
  private final ComposeExtension extension;
  private final UserRepository users;
  private final SeenActivities seen;
  private final ConversationRefs refs;
  private final String tenantId;

  /** Desk users by Azure AD object id, briefly, to save a read per message. */
  private final Map<String, CachedUser> userCache = new ConcurrentHashMap<>();

  private record CachedUser(Optional<User> user, long until) {}

  private static final long USER_CACHE_NANOS = 60_000_000_000L;
  private static final int USER_CACHE_MAX = 10_000;

  /** Which 1:1 conversation is already stored for each user, to save a write per message. */
  private final Map<String, String> savedRefs = new ConcurrentHashMap<>();

  public TeamsBot(
      Conversation conversation,
      ComposeExtension extension,
      UserRepository users,
      SeenActivities seen,
      ConversationRefs refs,
      String tenantId) {
    this.conversation = conversation;
    this.extension = extension;
    this.users = users;
    this.seen = seen;
    this.refs = refs;
    this.tenantId = tenantId == null ? "" : tenantId;
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext ctx) {
    Activity a = ctx.getActivity();
    if (a.getId() != null
        && !seen.claim(a.getChannelId(), a.getConversation().getId(), a.getId())) {
      LOG.info("Activity redelivered; already handled");
      return ActivityTypes.INVOKE.equals(a.getType())
          ? invokeResponse(ctx, 200, null)
          : CompletableFuture.completedFuture(null);
    }
    Turn turn = turn(a);
    rememberReference(a, turn);
    String type = a.getType();
    if (ActivityTypes.MESSAGE.equals(type)) {
      return send(ctx, await(conversation.handle(turn)));
    }
    if (ActivityTypes.INVOKE.equals(type)) {
      return invoke(ctx, a, turn);
    }
    if (ActivityTypes.CONVERSATION_UPDATE.equals(type) && botAdded(a)) {
      return send(ctx, List.of(conversation.welcome(turn)));
    }
    if (ActivityTypes.INSTALLATION_UPDATE.equals(type)
        && a.getAction() != null
        && a.getAction().startsWith("add")) {
      return send(ctx, List.of(conversation.welcome(turn)));
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<Void> invoke(TurnContext ctx, Activity a, Turn turn) {
    String name = a.getName();
    if (name == null) {
      // Action.Submit with msteams.type=invoke: a card action, answered as messages.
      Turn t = turn.value() == null ? turn.withText("") : turn;
      send(ctx, await(conversation.handle(t)));
      return invokeResponse(ctx, 200, null);
    }
    switch (name) {
      case "adaptiveCard/action" -> {
        List<Reply> replies = await(conversation.handle(executeTurn(turn, a)));
        return invokeResponse(ctx, 200, TeamsMessages.cardActionResponse(replies));
      }
      case "composeExtension/query" -> {
        JsonNode body = await(extension.query(turn, SdkJson.MAPPER.valueToTree(a.getValue())));
        return invokeResponse(ctx, 200, body);
      }
      default -> {
        return invokeResponse(ctx, 200, null);
      }
    }
  }

  /** Action.Execute: the verb and the data (with the inputs) become a card action. */
  private static Turn executeTurn(Turn turn, Activity a) {
    JsonObject value = turn.value() == null ? new JsonObject() : turn.value();
    JsonObject action = value.getJsonObject("action", new JsonObject());
    JsonObject data = action.getJsonObject("data", new JsonObject()).copy();
    String verb = action.getString("verb");
    if (verb != null && !verb.isBlank()) {
      data.put("action", verb);
    }
    return new Turn(
        turn.activityId(),
        turn.conversationId(),
        turn.scope(),
        turn.fromId(),
        turn.displayName(),
        "",
        data,
        turn.user(),
        turn.notes());
  }

  private Turn turn(Activity a) {
    ChannelAccount from = a.getFrom();
    String fromId = from == null || from.getId() == null ? "unknown" : from.getId();
    String name = from == null ? null : from.getName();
    Scope scope = Scope.fromTeams(a.getConversation().getConversationType());
    String text = "";
    if (a.getText() != null) {
      text = a.getRecipient() == null ? a.getText() : Activity.removeRecipientMentionImmutable(a);
      text = TeamsMessages.plainText(text == null ? a.getText() : text);
    }
    JsonObject value = null;
    if (a.getValue() != null) {
      JsonNode v = SdkJson.MAPPER.valueToTree(a.getValue());
      if (v != null && v.isObject()) {
        value = new JsonObject(v.toString());
      }
    }
    return new Turn(
        a.getId(), a.getConversation().getId(), scope, fromId, name, text, value, user(a));
  }

  /** The desk user behind a verified Azure AD object id, in our tenant. */
  private Optional<User> user(Activity a) {
    ChannelAccount from = a.getFrom();
    if (from == null || from.getAadObjectId() == null || from.getAadObjectId().isBlank()) {
      return Optional.empty();
    }
    String activityTenant = a.getConversation().getTenantId();
    if (!tenantId.isEmpty() && activityTenant != null && !tenantId.equals(activityTenant)) {
      LOG.info("Message from another tenant; treated as an unknown user");
      return Optional.empty();
    }
    String aad = from.getAadObjectId();
    long now = System.nanoTime();
    CachedUser c = userCache.get(aad);
    if (c != null && c.until() - now > 0) {
      return c.user();
    }
    Optional<User> u = users.byAadObjectId(aad).filter(x -> !x.disabled());
    if (userCache.size() >= USER_CACHE_MAX) {
      userCache.clear();
    }
    userCache.put(aad, new CachedUser(u, now + USER_CACHE_NANOS));
    return u;
  }

  private void rememberReference(Activity a, Turn turn) {
    if (turn.scope() != Scope.PERSONAL || turn.user().isEmpty()) {
      return;
    }
    String userId = turn.user().get().id();
    String key = a.getServiceUrl() + "|" + turn.conversationId();
    if (key.equals(savedRefs.get(userId))) {
      return;
    }
    try {
      refs.save(userId, SdkJson.write(a.getConversationReference()));
      savedRefs.put(userId, key);
    } catch (Exception e) {
      LOG.warn("Conversation reference not stored: {}", e.toString());
    }
  }

  private static boolean botAdded(Activity a) {
    if (a.getMembersAdded() == null || a.getRecipient() == null) {
      return false;
    }
    boolean personal = Scope.fromTeams(a.getConversation().getConversationType()) == Scope.PERSONAL;
    // In a 1:1 chat the only bot that can be added is this one ("28:" ids are bots in Teams).
    return a.getMembersAdded().stream()
        .anyMatch(
            m ->
                m != null
                    && m.getId() != null
                    && (m.getId().equals(a.getRecipient().getId())
                        || (personal && m.getId().startsWith("28:"))));
  }

  private static CompletableFuture<Void> send(TurnContext ctx, List<Reply> replies) {
    if (replies.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<Activity> out = replies.stream().map(TeamsMessages::activity).toList();
    return ctx.sendActivities(out).thenApply(r -> null);
  }

  private static CompletableFuture<Void> invokeResponse(TurnContext ctx, int status, Object body) {
    Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
    response.setValue(new InvokeResponse(status, body));
    if (ctx.getTurnState().get(BotFrameworkAdapter.INVOKE_RESPONSE_KEY) != null) {
      return CompletableFuture.completedFuture(null);
    }
    return ctx.sendActivity(response).thenApply(r -> null);
  }

  /** Waits on this worker thread for work that runs on Vert.x's worker pool. */
  static <T> T await(Future<T> f) {
    if (io.vertx.core.Context.isOnEventLoopThread()) {
      throw new IllegalStateException("the bot must not run on the event loop");
    }
    try {
      return f.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the bot took too long to answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
