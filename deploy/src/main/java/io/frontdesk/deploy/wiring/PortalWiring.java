package io.frontdesk.deploy.wiring;

import io.frontdesk.deploy.ServerContext;
import io.frontdesk.desk.els.ProjectAdmin;
import io.frontdesk.desk.notify.Contact;
import io.frontdesk.desk.notify.Notifier;
import io.frontdesk.desk.notify.OutboundMessage;
import io.frontdesk.desk.people.DirectoryAdmin;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.portal.PortalConfig;
import io.frontdesk.portal.PortalRoutes;
import io.frontdesk.portal.PortalServices;
import io.frontdesk.portal.admin.AdminServices;
import io.frontdesk.portal.agent.OpsConfig;
import io.frontdesk.portal.agent.OpsPages;
import io.frontdesk.portal.auth.Mailer;
import io.frontdesk.portal.auth.PortalKeys;
import io.frontdesk.portal.auth.SessionRepository;
import io.frontdesk.portal.auth.Sessions;
import io.frontdesk.portal.auth.Tokens;
import io.frontdesk.portal.pages.SelfServicePages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The portal: its session handler goes on the root router before every module's routes (so the desk
 * and knowledge APIs see the signed-in principal); its pages are mounted last, at the root, so the
 * API routes win over them.
 */
public final class PortalWiring implements Wiring {
  /** How often idle sessions are removed from the store. */
  static final long PURGE_EVERY_MS = 10 * 60 * 1000;

  private final ServerContext ctx;
  private final PortalConfig config;
  private final SessionRepository sessionRepo;
  private final Sessions sessions;
  private final PortalRoutes routes;
  private long purgeTimer = -1;

  public PortalWiring(
      ServerContext ctx, KnowledgeWiring knowledge, DeskWiring desk, FulfilmentWiring fulfilment) {
    this.ctx = ctx;
    this.config = PortalConfig.load(ctx.settings(), ctx.config().baseUrl(), ctx.demo());
    var db = ctx.store().database();
    this.sessionRepo =
        new SessionRepository(
            db,
            Duration.ofSeconds(
                ctx.settings()
                    .integer(
                        SessionRepository.CACHE_SECONDS,
                        SessionRepository.DEFAULT_CACHE_SECONDS,
                        0,
                        60)));
    this.sessions =
        new Sessions(
            sessionRepo,
            desk.users(),
            ctx.blocking(),
            new Tokens(),
            PortalKeys.csrfKey(db, config.secret()),
            config.secureCookies(),
            config.idleTimeout(),
            config.absoluteTimeout(),
            Clock.systemUTC(),
            origin(ctx.config().baseUrl()));
    PortalServices services =
        new PortalServices(
            desk.desk(),
            knowledge.searchService(),
            knowledge.articleService(),
            new ArticleListings(
                knowledge.repository(),
                db,
                ctx.blocking(),
                Clock.systemUTC(),
                config.popularDays(),
                config.listingsCache()),
            knowledge.feedbackService(),
            db,
            mailer(ctx, fulfilment.notifier()));
    Path uploads = ctx.config().dataDir().resolve("uploads");
    this.routes =
        new PortalRoutes(ctx.vertx(), ctx.blocking(), config, services, sessions, uploads);
    // The desk's own pages (agents, Early Life Support, admins).
    OpsPages.all(
            routes.layout(),
            services,
            new AdminServices(
                desk.adminAudit(),
                new DirectoryAdmin(
                    desk.schools(), desk.users(), desk.catalogue(), desk.adminAudit()),
                new ProjectAdmin(
                    desk.projects(),
                    desk.desk().groups(),
                    desk.users(),
                    desk.catalogue(),
                    desk.adminAudit()),
                desk.catalogueAdmin(),
                routes.invitations()),
            ctx.blocking(),
            OpsConfig.load(ctx.settings(), ctx.config().baseUrl()),
            Clock.systemUTC())
        .forEach(routes::add);
    // The Digital Champions' and managers' pages.
    OpsKbPages.add(routes, ctx, knowledge, desk);
    // Self-service password reset and unlock for signed-in staff.
    routes.add(new SelfServicePages(routes.layout(), fulfilment.service(), ctx.blocking()));
  }

  /** Portal e-mails (invitations, reset links) go through the desk's notifier. */
  static Mailer mailer(ServerContext ctx, Notifier notifier) {
    return (to, subject, body) ->
        ctx.blocking()
            .run(() -> notifier.send(Contact.email(to), new OutboundMessage(subject, body)));
  }

  static String origin(String baseUrl) {
    URI u = URI.create(baseUrl);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  @Override
  public Future<Void> start() {
    return ctx.blocking()
        .run(
            () -> {
              sessionRepo.createIndexes();
              routes.accountTokens().createIndexes();
            })
        .onSuccess(
            v ->
                purgeTimer =
                    ctx.vertx()
                        .setPeriodic(
                            PURGE_EVERY_MS,
                            id ->
                                ctx.blocking()
                                    .run(
                                        () ->
                                            sessionRepo.purgeIdle(
                                                Instant.now().minus(config.idleTimeout())))));
  }

  @Override
  public void mountAuthentication(Router root) {
    root.route().handler(sessions);
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
    return Future.succeededFuture();
  }

  public PortalRoutes routes() {
    return routes;
  }
}
