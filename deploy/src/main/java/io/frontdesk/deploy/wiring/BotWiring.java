package io.frontdesk.deploy.wiring;

import io.frontdesk.bot.BotOptions;
import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.commands.CommandRegistry;
import io.frontdesk.bot.commands.StandardCommands;
import io.frontdesk.bot.conversation.Conversation;
import io.frontdesk.bot.conversation.Notifications;
import io.frontdesk.bot.state.ConversationRefs;
import io.frontdesk.bot.state.ConversationState;
import io.frontdesk.bot.state.SeenActivities;
import io.frontdesk.bot.teams.BotRoutes;
import io.frontdesk.bot.teams.ComposeExtension;
import io.frontdesk.bot.teams.TeamsAdapter;
import io.frontdesk.bot.teams.TeamsBot;
import io.frontdesk.bot.teams.TeamsOutbox;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.deploy.ServerContext;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: its memory (bot_state, bot_refs, bot_activities), the command registry, the SDK
 * adapter for the Azure Bot registration (local mode without {@code MICROSOFT_APP_ID}), {@code POST
 * /api/messages}, and proactive messages for the desk's ticket events.
 */
public final class BotWiring implements Wiring {
  private static final Logger LOG = LoggerFactory.getLogger(BotWiring.class);

  /** Pruning of remembered activity ids (the embedded store ignores TTL indexes). */
  static final long PRUNE_MS = 3_600_000;

  private final ServerContext ctx;
  private final SeenActivities seen;
  private final CommandRegistry registry;
  private final BotRoutes routes;
  private final WriteBehinds buffers;
  private long pruneTimer = -1;

  public BotWiring(
      ServerContext ctx, KnowledgeWiring knowledge, DeskWiring desk, FulfilmentWiring fulfilment) {
    this.ctx = ctx;
    Clock clock = Clock.systemUTC();
    BotOptions options = BotOptions.load(ctx.settings());
    BotRegistration registration = ctx.config().bot();
    var db = ctx.store().database();
    // Transcripts and redelivery claims are written behind, in batches, off the reply's path.
    this.buffers =
        WriteBehinds.batched(
            ctx.vertx(), WriteBehinds.Options.load(ctx.settings()), ctx.metrics().registry());
    // The embedded store has one process: the conversations' notes can stay in it.
    ConversationState state =
        new ConversationState(
            db, options.transcriptLines(), clock, buffers, ctx.store().isEmbedded());
    this.seen =
        new SeenActivities(db, options.seenRetention(), clock, buffers, !ctx.store().isEmbedded());
    ConversationRefs refs = new ConversationRefs(db, clock, buffers);
    BotServices services =
        new BotServices(
            knowledge.searchService(),
            knowledge.articleService(),
            knowledge.feedbackService(),
            desk.tickets(),
            desk.requests(),
            desk.catalogue(),
            desk.approvals(),
            desk.csat(),
            fulfilment.service(),
            state,
            ctx.blocking(),
            options);
    StandardCommands commands = StandardCommands.of(services);
    this.registry = commands.registry();
    Conversation conversation = new Conversation(services, registry, commands.dialogues());
    TeamsAdapter adapter = new TeamsAdapter(registration, options.openIdMetadata());
    TeamsBot bot =
        new TeamsBot(
            conversation,
            new ComposeExtension(knowledge.searchService()),
            desk.users(),
            seen,
            refs,
            registration.tenantId());
    // The adapter's calls block: it gets a pool of its own so it cannot starve the store's work.
    Blocking botPool = Blocking.pool(ctx.vertx(), "frontdesk-bot", 32);
    this.routes = new BotRoutes(ctx.vertx(), botPool, adapter, bot, options.maxBodyBytes());
    desk.events()
        .add(
            new Notifications(
                new TeamsOutbox(adapter, refs, ctx.blocking()), ctx.config().baseUrl()));
    LOG.info(
        "Teams bot: {}",
        registration.localMode()
            ? "local mode (no MICROSOFT_APP_ID): unauthenticated activities accepted"
            : "app " + registration.appId());
  }

  public CommandRegistry commands() {
    return registry;
  }

  @Override
  public Future<Void> start() {
    return ctx.blocking()
        .run(
            () -> {
              seen.createIndexes();
              seen.loadRecent();
            })
        .onSuccess(
            v ->
                pruneTimer =
                    ctx.vertx().setPeriodic(PRUNE_MS, id -> ctx.blocking().run(seen::prune)));
  }

  /**
   * The bot's endpoint goes here, ahead of every module's routes and of the portal's session
   * handler: it authenticates its own callers (Bot Framework tokens, checked by the adapter) and
   * uses no session, and a Teams message no longer walks the other modules' routes (their
   * path-parameter patterns) before it reaches its own: a tenth of what an answer allocated
   * (BENCHMARKS.md, "Bot: fourth pass").
   */
  @Override
  public void mountAuthentication(Router root) {
    root.route("/*").subRouter(routes.router());
  }

  @Override
  public Future<Void> stop() {
    if (pruneTimer >= 0) {
      ctx.vertx().cancelTimer(pruneTimer);
    }
    // After the HTTP drain: every turn answered has its transcript and claim written.
    return buffers.close();
  }

  /** Writes the queued transcripts and claims; completes when they are in the store (tests). */
  public Future<Void> flush() {
    return buffers.flush();
  }
}
