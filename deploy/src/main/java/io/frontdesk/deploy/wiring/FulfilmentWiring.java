package io.frontdesk.deploy.wiring;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.deploy.ServerContext;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.directory.Directory;
import io.frontdesk.desk.directory.DirectoryConfig;
import io.frontdesk.desk.directory.EmbeddedDirectory;
import io.frontdesk.desk.directory.GraphDirectory;
import io.frontdesk.desk.directory.LdapDirectory;
import io.frontdesk.desk.fulfilment.FlowRepository;
import io.frontdesk.desk.fulfilment.FulfilmentOptions;
import io.frontdesk.desk.fulfilment.FulfilmentRoutes;
import io.frontdesk.desk.fulfilment.FulfilmentTickets;
import io.frontdesk.desk.fulfilment.RateLimits;
import io.frontdesk.desk.fulfilment.SelfServiceFulfilment;
import io.frontdesk.desk.fulfilment.SelfServiceHint;
import io.frontdesk.desk.notify.GovUkNotifyNotifier;
import io.frontdesk.desk.notify.MailDropNotifier;
import io.frontdesk.desk.notify.Notifier;
import io.frontdesk.desk.notify.NotifyConfig;
import io.frontdesk.desk.notify.SmtpNotifier;
import io.frontdesk.desk.notify.TeamMail;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-service password reset and unlock: picks the directory and the notifier from the environment
 * (with none configured, it starts the embedded demo directory and writes codes to the mail drop),
 * builds {@link SelfServiceFulfilment} on the desk's services and mounts {@code /api/fulfilment}.
 * The bot and the portal take the service from {@link #service()}.
 */
public final class FulfilmentWiring implements Wiring {
  private static final Logger LOG = LoggerFactory.getLogger(FulfilmentWiring.class);

  /** Where the mail drop writes; default {@code $FRONTDESK_DATA_DIR/maildrop}. */
  public static final String MAILDROP_DIR = "FRONTDESK_MAILDROP_DIR";

  private final ServerContext ctx;
  private final FlowRepository flows;
  private final RateLimits limits;
  private final EmbeddedDirectory embedded;
  private final Directory directory;
  private final Notifier notifier;
  private final SelfServiceFulfilment service;
  private final FulfilmentRoutes routes;
  private long purgeTimer = -1;

  public FulfilmentWiring(ServerContext ctx, DeskWiring desk) {
    this.ctx = ctx;
    Clock clock = Clock.systemUTC();
    FulfilmentOptions options = FulfilmentOptions.load(ctx.settings());
    DirectoryConfig dc = DirectoryConfig.load(ctx.settings());
    NotifyConfig nc = NotifyConfig.load(ctx.settings());
    this.notifier = notifier(ctx, nc, clock);
    switch (dc.kind()) {
      case DirectoryConfig.EMBEDDED -> {
        // Tom Hughes starts locked out, so the demo has an account to unlock.
        this.embedded = EmbeddedDirectory.start(DemoData.users(), Set.of("u-tom-hughes"));
        this.directory = embedded.directory(clock);
      }
      case DirectoryConfig.GRAPH -> {
        this.embedded = null;
        this.directory = new GraphDirectory(dc.graph(), clock);
      }
      default -> {
        this.embedded = null;
        try {
          this.directory = new LdapDirectory(dc.ldap(), clock);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(DirectoryConfig.URL + ": " + e.getMessage());
        }
      }
    }
    this.flows = new FlowRepository(ctx.store().database());
    this.limits = new RateLimits(ctx.store().database());
    FulfilmentTickets tickets =
        new FulfilmentTickets(
            desk.tickets(), desk.lifecycle(), desk.requests(), desk.catalogue(), options);
    this.service =
        new SelfServiceFulfilment(
            desk.users(),
            directory,
            notifier,
            flows,
            limits,
            tickets,
            options,
            new SecureRandom(),
            clock,
            (kind, status) ->
                ctx.metrics()
                    .registry()
                    .counter(
                        "frontdesk_fulfilment_outcomes",
                        "kind",
                        kind.wire(),
                        "outcome",
                        status.wire())
                    .increment());
    this.routes = new FulfilmentRoutes(ctx.vertx(), ctx.blocking(), service);
    // Handovers and other team notices by e-mail, off the caller's thread.
    desk.events()
        .add(
            new TeamMail(
                desk.users(), notifier, work -> ctx.blocking().run(work), ctx.config().baseUrl()));
    // Reset/unlock forms stay with the Service Desk, with a pointer to doing it at once in chat.
    desk.fulfilment(new SelfServiceHint(desk.tickets()));
    LOG.info(
        "Self-service fulfilment: directory {}{}, notifier {}",
        directory.kind(),
        embedded == null
            ? ""
            : " (embedded demo directory on loopback port " + embedded.port() + ")",
        notifier.name());
    if (notifier instanceof MailDropNotifier drop) {
      LOG.warn(
          "One-time codes go to the demo mail drop at {}; configure SMTP or GOV.UK Notify for real use",
          drop.directory());
    }
  }

  /**
   * The out-of-band notifier (SMTP, GOV.UK Notify or the demo mail drop), shared with the portal.
   */
  public Notifier notifier() {
    return notifier;
  }

  private static Notifier notifier(ServerContext ctx, NotifyConfig nc, Clock clock) {
    return switch (nc.notifier()) {
      case NotifyConfig.SMTP -> new SmtpNotifier(nc);
      case NotifyConfig.GOVUK_NOTIFY ->
          new GovUkNotifyNotifier(
              nc.notifyKey(), nc.notifyUrl(), nc.notifyEmailTemplate(), nc.notifySmsTemplate());
      default ->
          new MailDropNotifier(
              ctx.settings()
                  .path(MAILDROP_DIR, ctx.config().dataDir().resolve("maildrop").toString()),
              clock);
    };
  }

  @Override
  public Future<Void> start() {
    return ctx.blocking()
        .run(flows::createIndexes)
        .onSuccess(
            v ->
                purgeTimer =
                    ctx.vertx()
                        .setPeriodic(
                            Duration.ofMinutes(15).toMillis(),
                            id -> ctx.blocking().run(this::purge)));
  }

  /** Ended rate-limit windows, and flows older than a week (their code hashes serve nothing). */
  private void purge() {
    java.time.Instant now = java.time.Instant.now();
    limits.purge(now);
    flows.purge(now.minus(Duration.ofDays(7)));
  }

  @Override
  public void mount(Router root) {
    root.route("/*").subRouter(routes.router());
  }

  @Override
  public Future<Void> stop() {
    if (purgeTimer >= 0) {
      ctx.vertx().cancelTimer(purgeTimer);
    }
    if (embedded != null) {
      embedded.close();
    }
    return Future.succeededFuture();
  }

  /** The channel-neutral service the bot and the portal call. */
  public SelfServiceFulfilment service() {
    return service;
  }

  /** The embedded demo directory, or null when a real one is configured. */
  public EmbeddedDirectory embeddedDirectory() {
    return embedded;
  }
}
