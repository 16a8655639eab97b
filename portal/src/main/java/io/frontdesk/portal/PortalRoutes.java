package io.frontdesk.portal;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.portal.auth.AccountTokens;
import io.frontdesk.portal.auth.Invitations;
import io.frontdesk.portal.auth.OidcSignIn;
import io.frontdesk.portal.auth.Passwords;
import io.frontdesk.portal.auth.SchoolIdentities;
import io.frontdesk.portal.auth.Sessions;
import io.frontdesk.portal.auth.SignInLimiter;
import io.frontdesk.portal.auth.Tokens;
import io.frontdesk.portal.pages.AccountPages;
import io.frontdesk.portal.pages.AuthPages;
import io.frontdesk.portal.pages.HomePages;
import io.frontdesk.portal.pages.KnowledgePages;
import io.frontdesk.portal.pages.OidcPages;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.pages.SchoolPages;
import io.frontdesk.portal.pages.SignInPage;
import io.frontdesk.portal.tickets.Attachments;
import io.frontdesk.portal.tickets.RaisePages;
import io.frontdesk.portal.tickets.TicketPages;
import io.frontdesk.portal.web.Assets;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.SecurityHeaders;
import io.frontdesk.portal.web.Templates;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The web portal: GOV.UK-style pages for requesters (and, through further {@link PortalPages}
 * groups, for agents and the rest of the desk).
 *
 * <p>Order on the portal router: security headers, body parsing (forms and uploads), the CSRF check
 * on every POST, then each page group. The session handler ({@link #authentication()}) is not here:
 * the composition root mounts it on the root router before every module's routes, so the desk and
 * knowledge APIs see the signed-in principal too.
 */
public final class PortalRoutes {
  /** Every path except the JSON APIs under /api/. */
  static final String PAGES = "^/(?!api/).*";

  private final Vertx vertx;
  private final PortalConfig config;
  private final Sessions sessions;
  private final Assets assets;
  private final Layout layout;
  private final Path uploads;
  private final List<PortalPages> groups = new ArrayList<>();
  private final AccountTokens accountTokens;
  private final Invitations invitations;

  public PortalRoutes(
      Vertx vertx,
      Blocking blocking,
      PortalConfig config,
      PortalServices services,
      Sessions sessions,
      Path uploads) {
    this.vertx = vertx;
    this.config = config;
    this.sessions = sessions;
    this.uploads = uploads;
    this.assets = new Assets(config.brandColour());
    this.layout =
        new Layout(
            new Templates(),
            assets,
            sessions,
            config.serviceName(),
            config.organisation(),
            config.demoSignIn());
    Clock clock = Clock.systemUTC();
    Passwords passwords = new Passwords();
    this.accountTokens = new AccountTokens(services.db(), new Tokens(), clock);
    this.invitations =
        new Invitations(
            accountTokens, services.mailer(), blocking, config.baseUrl(), config.serviceName());
    SignInPage signInPage = new SignInPage(layout, config, services.desk().schools(), blocking);
    if (config.oidc().isPresent() || !config.schoolOidc().isEmpty()) {
      groups.add(
          new OidcPages(
              new OidcSignIn(
                  vertx,
                  config.oidc(),
                  config.schoolOidc(),
                  config.baseUrl(),
                  services.desk().users(),
                  new SchoolIdentities(services.desk().users(), services.desk().schools()),
                  services.db(),
                  blocking,
                  new Tokens(),
                  clock),
              sessions,
              config,
              layout,
              signInPage));
    }
    groups.add(
        new HomePages(
            layout, services.desk().tickets().repository(), services.listings(), blocking));
    groups.add(
        new AuthPages(
            layout,
            signInPage,
            sessions,
            services.desk().users(),
            passwords,
            new SignInLimiter(5, Duration.ofMinutes(15), clock),
            // A whole school shares one public address: per address, a far higher budget.
            new SignInLimiter(100, Duration.ofMinutes(15), clock),
            blocking,
            config));
    KnowledgePages knowledge =
        new KnowledgePages(
            layout,
            services.search(),
            services.articles(),
            services.feedback(),
            services.listings());
    groups.add(knowledge);
    Attachments attachments =
        new Attachments(services.db(), config.maxAttachmentBytes(), config.attachmentTypes());
    groups.add(new RaisePages(layout, services.desk(), knowledge, attachments, blocking));
    groups.add(new TicketPages(layout, services.desk(), attachments, blocking));
    groups.add(
        new AccountPages(
            layout,
            services.desk().users(),
            accountTokens,
            passwords,
            sessions.repository(),
            services.mailer(),
            new SignInLimiter(5, Duration.ofMinutes(15), clock),
            blocking,
            config.baseUrl(),
            config.serviceName()));
    groups.add(
        new SchoolPages(
            layout, services.desk().schools(), services.desk().users(), invitations, blocking));
  }

  /** Invitations to school staff to set their portal password. */
  public Invitations invitations() {
    return invitations;
  }

  /** Single-use tokens for invitations and resets; the wiring creates their indexes. */
  public AccountTokens accountTokens() {
    return accountTokens;
  }

  /** Adds a page group (the agent portal, for example); call before {@link #router()}. */
  public PortalRoutes add(PortalPages pages) {
    groups.add(pages);
    return this;
  }

  /** The session handler, for the root router (before the API routes). */
  public Sessions authentication() {
    return sessions;
  }

  public Layout layout() {
    return layout;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.get("/assets/*").handler(assets::serve);
    // Everything but the JSON APIs, which other modules serve with their own body limits.
    r.routeWithRegex(PAGES).handler(new SecurityHeaders(config.secureCookies()));
    r.routeWithRegex(HttpMethod.POST, PAGES)
        .handler(
            BodyHandler.create(uploads.toString())
                .setBodyLimit(config.maxAttachmentBytes() + 256 * 1024)
                .setDeleteUploadedFilesOnEnd(true)
                .setMergeFormAttributes(true));
    r.routeWithRegex(HttpMethod.POST, PAGES).handler(sessions::verifyCsrf);
    groups.forEach(g -> g.mount(r));
    // Unknown pages get an HTML 404; the APIs keep their JSON 404s.
    r.route().last().handler(this::notFound);
    r.route().failureHandler(layout::failure);
    return r;
  }

  private void notFound(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/") || ctx.request().method() != HttpMethod.GET) {
      ctx.next();
      return;
    }
    ctx.fail(404);
  }
}
