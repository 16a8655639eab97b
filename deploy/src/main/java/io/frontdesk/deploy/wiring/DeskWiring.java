package io.frontdesk.deploy.wiring;

import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.config.ConfigException;
import io.frontdesk.deploy.ServerContext;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.DeskJobs;
import io.frontdesk.desk.DeskOptions;
import io.frontdesk.desk.api.DeskRoutes;
import io.frontdesk.desk.approval.ApprovalService;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.catalogue.CatalogueAdmin;
import io.frontdesk.desk.catalogue.CatalogueRepository;
import io.frontdesk.desk.catalogue.FulfilmentDispatcher;
import io.frontdesk.desk.catalogue.RequestService;
import io.frontdesk.desk.config.DeskConfigService;
import io.frontdesk.desk.csat.CsatService;
import io.frontdesk.desk.els.ElsService;
import io.frontdesk.desk.els.ProjectRepository;
import io.frontdesk.desk.mi.MiService;
import io.frontdesk.desk.mi.SelfServiceLog;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.problem.KnowledgeDrafts;
import io.frontdesk.desk.problem.ProblemService;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.routing.TicketRouter;
import io.frontdesk.desk.sla.BusinessCalendar;
import io.frontdesk.desk.sla.Lease;
import io.frontdesk.desk.sla.SlaClock;
import io.frontdesk.desk.sla.SlaMonitor;
import io.frontdesk.desk.sla.SlaPolicy;
import io.frontdesk.desk.ticket.References;
import io.frontdesk.desk.ticket.SimilarTickets;
import io.frontdesk.desk.ticket.TicketEventsHub;
import io.frontdesk.desk.ticket.TicketIntake;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketNotes;
import io.frontdesk.desk.ticket.TicketQueries;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.WorkingSetIndex;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The service desk: builds its repositories and services, creates indexes, runs the SLA/auto-close
 * jobs under a store lease, mounts {@code /api/desk} and seeds the Northshire demo. Other wirings
 * use the getters ({@link #tickets()}, {@link #users()}, ...) and plug in the outbound ports:
 * {@link #events()} for notifiers, {@link #knowledgeDrafts(KnowledgeDrafts)} and {@link
 * #fulfilment(FulfilmentDispatcher)}.
 */
public final class DeskWiring implements Wiring {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeskWiring.class);
  public static final String CATALOGUE_FILE = "FRONTDESK_DESK_CATALOGUE";
  public static final String JOBS_PERIOD_MS = "FRONTDESK_DESK_JOBS_PERIOD_MS";
  public static final String CONFIG_REFRESH_MS = "FRONTDESK_DESK_CONFIG_REFRESH_MS";
  public static final String WORKING_SET_INDEX = "FRONTDESK_DESK_WORKING_SET_INDEX";
  public static final String REFERENCE_BLOCK = "FRONTDESK_DESK_REFERENCE_BLOCK";
  public static final String SIMILAR_PERCENT = "FRONTDESK_DESK_SIMILAR_PERCENT";
  public static final String ROUTING_CACHE_MS = "FRONTDESK_DESK_ROUTING_CACHE_MS";

  private final ServerContext ctx;
  private final Clock clock = Clock.systemUTC();
  private final TicketEventsHub events = new TicketEventsHub();
  private volatile KnowledgeDrafts drafts = KnowledgeDrafts.NONE;
  private volatile FulfilmentDispatcher fulfilment = FulfilmentDispatcher.NONE;
  private final UserRepository users;
  private final SchoolRepository schools;
  private final GroupRepository groups;
  private final ProjectRepository projects;
  private final TicketRepository ticketRepo;
  private final SelfServiceLog selfService;
  private final ApprovalService approvals;
  private final CsatService csat;
  private final DeskConfigService config;
  private final AdminAudit adminAudit;
  private final CatalogueAdmin catalogueAdmin;
  private final long refreshMillis;
  private long catalogueTimer = -1;
  private final Desk desk;
  private final DeskJobs jobs;
  private final DeskRoutes routes;

  public DeskWiring(ServerContext ctx) {
    this.ctx = ctx;
    MongoDatabase db = ctx.store().database();
    DeskOptions options = DeskOptions.load(ctx.settings());
    Catalogue catalogue = loadCatalogue(ctx);
    this.users = new UserRepository(db);
    this.schools = new SchoolRepository(db);
    int routingCache = ctx.settings().integer(ROUTING_CACHE_MS, 2_000, 0, 60_000);
    this.groups = new GroupRepository(db, routingCache);
    this.adminAudit = new AdminAudit(db, clock);
    this.refreshMillis = ctx.settings().integer(CONFIG_REFRESH_MS, 5_000, 100, 600_000);
    this.catalogueAdmin =
        new CatalogueAdmin(new CatalogueRepository(db), catalogue, groups, adminAudit, clock);
    this.config =
        new DeskConfigService(
            db,
            groups,
            catalogue,
            clock,
            refreshMillis,
            BusinessCalendar.councilDefault(),
            SlaPolicy.councilDefault(),
            adminAudit);
    SlaClock sla = new SlaClock(config::calendar, config::policy);
    this.projects = new ProjectRepository(db, routingCache);
    this.ticketRepo = new TicketRepository(db, workingSetIndex(ctx) ? new WorkingSetIndex() : null);
    References references =
        new References(db, ctx.settings().integer(REFERENCE_BLOCK, 20, 1, 1000));
    TicketRouter router = new TicketRouter(groups, projects);
    TicketQueries queries = new TicketQueries(ticketRepo);
    TicketNotes notes = new TicketNotes(ticketRepo, queries, sla, events, options, clock);
    TicketIntake intake =
        new TicketIntake(
            ticketRepo,
            notes,
            references,
            sla,
            router,
            catalogue,
            users,
            schools,
            events,
            options,
            clock);
    TicketService tickets = new TicketService(ticketRepo, intake, queries, notes, events);
    TicketLifecycle lifecycle = new TicketLifecycle(tickets, sla, groups, users, options, clock);
    FulfilmentDispatcher dispatch = (t, handler) -> fulfilment.ready(t, handler);
    this.selfService = new SelfServiceLog(db, clock);
    this.approvals =
        new ApprovalService(db, ticketRepo, lifecycle, users, catalogue, events, dispatch, clock);
    RequestService requests =
        new RequestService(
            catalogue, tickets, lifecycle, approvals, users, schools, selfService, dispatch);
    this.csat = new CsatService(db, tickets, clock);
    KnowledgeDrafts draftPort =
        (title, body, service, audience, source) ->
            drafts.draft(title, body, service, audience, source);
    ProblemService problems =
        new ProblemService(db, tickets, references, catalogue, draftPort, clock);
    ElsService els =
        new ElsService(
            projects,
            ticketRepo,
            router,
            clock,
            BusinessCalendar.councilDefault().zone(),
            events,
            adminAudit);
    MiService mi = new MiService(ticketRepo, selfService, csat, clock);
    SlaMonitor monitor = new SlaMonitor(ticketRepo, sla, events, clock);
    this.desk =
        new Desk(
            tickets,
            lifecycle,
            requests,
            approvals,
            catalogue,
            users,
            schools,
            groups,
            projects,
            els,
            csat,
            problems,
            mi,
            selfService,
            monitor,
            config,
            new SimilarTickets(
                tickets, ctx.settings().integer(SIMILAR_PERCENT, 30, 10, 100) / 100.0));
    this.jobs =
        new DeskJobs(
            ctx.blocking(),
            new Lease(db),
            monitor,
            lifecycle,
            clock,
            ctx.settings().integer(JOBS_PERIOD_MS, 60_000, 1_000, 3_600_000));
    this.routes = new DeskRoutes(ctx.vertx(), ctx.blocking(), desk);
  }

  /**
   * The working-set index is valid only while this process is the tickets' only writer: true of the
   * embedded store (its data directory is locked to one process), not of a shared MongoDB, whose
   * own indexes serve the same queries. "auto" (the default) follows the store.
   */
  private static boolean workingSetIndex(ServerContext ctx) {
    String v = ctx.settings().string(WORKING_SET_INDEX, "auto");
    return switch (v) {
      case "on" -> true;
      case "off" -> false;
      case "auto" -> ctx.store().isEmbedded();
      default ->
          throw new ConfigException(
              WORKING_SET_INDEX + " must be auto, on or off, not '" + v + "'");
    };
  }

  private static Catalogue loadCatalogue(ServerContext ctx) {
    return ctx.settings()
        .optional(CATALOGUE_FILE)
        .map(
            f -> {
              try {
                return Catalogue.fromFile(Path.of(f));
              } catch (IOException | RuntimeException e) {
                throw new ConfigException(
                    CATALOGUE_FILE
                        + " names '"
                        + f
                        + "', which is not a valid catalogue: "
                        + e.getMessage());
              }
            })
        .orElseGet(Catalogue::bundled);
  }

  @Override
  public Future<Void> start() {
    return ctx.blocking()
        .run(
            () -> {
              users.createIndexes();
              ticketRepo.createIndexes();
              approvals.createIndexes();
              csat.createIndexes();
              selfService.createIndexes();
              adminAudit.createIndexes();
              // The catalogue file seeds an empty store; from then on the store is the catalogue.
              catalogueAdmin.start();
            })
        .onSuccess(
            v -> {
              jobs.start();
              // Admins' catalogue changes made in other processes, like the calendar's.
              catalogueTimer =
                  ctx.vertx()
                      .setPeriodic(
                          refreshMillis,
                          id ->
                              ctx.blocking()
                                  .run(catalogueAdmin::refresh)
                                  .onFailure(
                                      e ->
                                          LOG.warn(
                                              "The catalogue did not refresh: {}", e.toString())));
              // Rebuilt in the background: until it is loaded, queries fall back to the store.
              ctx.blocking()
                  .run(ticketRepo::loadIndex)
                  .onFailure(
                      e -> LOG.warn("The desk's working-set index did not load: {}", e.toString()));
            });
  }

  @Override
  public void mount(Router root) {
    root.route("/*").subRouter(routes.router());
  }

  @Override
  public Future<Void> seedDemo() {
    return ctx.blocking()
        .run(() -> DemoData.seed(users, schools, groups, projects, clock.instant()));
  }

  @Override
  public Future<Void> stop() {
    if (catalogueTimer >= 0) {
      ctx.vertx().cancelTimer(catalogueTimer);
    }
    return ctx.blocking().run(jobs::stop);
  }

  /** All desk services in one holder. */
  public Desk desk() {
    return desk;
  }

  public TicketService tickets() {
    return desk.tickets();
  }

  public TicketLifecycle lifecycle() {
    return desk.lifecycle();
  }

  public RequestService requests() {
    return desk.requests();
  }

  public ApprovalService approvals() {
    return approvals;
  }

  public UserRepository users() {
    return users;
  }

  public SchoolRepository schools() {
    return schools;
  }

  public Catalogue catalogue() {
    return desk.catalogue();
  }

  public ProjectRepository projects() {
    return projects;
  }

  public ElsService els() {
    return desk.els();
  }

  public CsatService csat() {
    return csat;
  }

  public SelfServiceLog selfService() {
    return selfService;
  }

  /** The run-time settings: business calendar, SLA policy, groups and routing rules. */
  public DeskConfigService config() {
    return config;
  }

  /** The audit trail of admin changes, written by the desk's admin services. */
  public AdminAudit adminAudit() {
    return adminAudit;
  }

  /** Admins' changes to the request catalogue. */
  public CatalogueAdmin catalogueAdmin() {
    return catalogueAdmin;
  }

  /** Register the bot's, portal's and e-mail's notifiers here. */
  public TicketEventsHub events() {
    return events;
  }

  /** Plug in the knowledge module's draft creation (known errors become draft articles). */
  public void knowledgeDrafts(KnowledgeDrafts port) {
    this.drafts = port;
  }

  /** Plug in automated fulfilment (password reset, unlock). */
  public void fulfilment(FulfilmentDispatcher port) {
    this.fulfilment = port;
  }
}
