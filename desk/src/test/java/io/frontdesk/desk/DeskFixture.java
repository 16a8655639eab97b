package io.frontdesk.desk;

import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.approval.ApprovalService;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
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
import io.frontdesk.desk.sla.SlaClock;
import io.frontdesk.desk.sla.SlaMonitor;
import io.frontdesk.desk.sla.SlaPolicy;
import io.frontdesk.desk.ticket.References;
import io.frontdesk.desk.ticket.SimilarTickets;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketEventsHub;
import io.frontdesk.desk.ticket.TicketIntake;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketNotes;
import io.frontdesk.desk.ticket.TicketQueries;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.WorkingSetIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The desk built as DeskWiring builds it, on a fresh embedded store, with a clock tests move. */
public final class DeskFixture implements AutoCloseable {
  public final MongoStore store = TestStores.fresh();
  public final MutableClock clock;
  public final TicketEventsHub events = new TicketEventsHub();
  public final List<String> notices = new ArrayList<>();
  public final List<String[]> drafts = new ArrayList<>();
  public final Desk desk;
  public final SlaClock sla;
  public final DeskConfigService config;
  public final AdminAudit audit;

  public DeskFixture() {
    this(Instant.parse("2026-03-02T09:00:00Z"));
  }

  public DeskFixture(Instant now) {
    clock = new MutableClock(now);
    MongoDatabase db = store.database();
    DeskOptions options = DeskOptions.defaults();
    Catalogue catalogue = Catalogue.bundled();
    UserRepository users = new UserRepository(db);
    SchoolRepository schools = new SchoolRepository(db);
    // Long caches: every test then also checks that changes made here drop them.
    GroupRepository groups = new GroupRepository(db, 60_000);
    audit = new AdminAudit(db, clock);
    config =
        new DeskConfigService(
            db,
            groups,
            catalogue,
            clock,
            0,
            BusinessCalendar.councilDefault(),
            SlaPolicy.councilDefault(),
            audit);
    sla = new SlaClock(config::calendar, config::policy);
    ProjectRepository projects = new ProjectRepository(db, 60_000);
    TicketRepository repo = new TicketRepository(db, new WorkingSetIndex());
    References references = new References(db, 20);
    TicketRouter router = new TicketRouter(groups, projects);
    events.add(new Recorder());
    TicketService tickets =
        tickets(repo, references, sla, router, catalogue, users, schools, events, options, clock);
    TicketLifecycle lifecycle = new TicketLifecycle(tickets, sla, groups, users, options, clock);
    SelfServiceLog self = new SelfServiceLog(db, clock);
    FulfilmentDispatcher dispatch = (t, h) -> notices.add("fulfil:" + h + ":" + t.reference());
    ApprovalService approvals =
        new ApprovalService(db, repo, lifecycle, users, catalogue, events, dispatch, clock);
    RequestService requests =
        new RequestService(
            catalogue, tickets, lifecycle, approvals, users, schools, self, dispatch);
    CsatService csat = new CsatService(db, tickets, clock);
    KnowledgeDrafts kd =
        (title, body, service, audience, source) -> {
          drafts.add(new String[] {title, body, service, audience, source});
          return "draft-" + source.toLowerCase();
        };
    ProblemService problems = new ProblemService(db, tickets, references, catalogue, kd, clock);
    ElsService els =
        new ElsService(projects, repo, router, clock, ZoneId.of("Europe/London"), events, audit);
    MiService mi = new MiService(repo, self, csat, clock);
    SlaMonitor monitor = new SlaMonitor(repo, sla, events, clock);
    desk =
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
            self,
            monitor,
            config,
            new SimilarTickets(tickets, 0.3));
    users.createIndexes();
    repo.createIndexes();
    approvals.createIndexes();
    csat.createIndexes();
    self.createIndexes();
    repo.loadIndex();
    DemoData.seed(users, schools, groups, projects, clock.instant());
  }

  public Principal user(String id) {
    return desk.users().byId(id).orElseThrow().principal();
  }

  private final class Recorder implements TicketEvents {
    @Override
    public void statusChanged(
        io.frontdesk.desk.ticket.Ticket t,
        io.frontdesk.desk.ticket.TicketStatus from,
        io.frontdesk.desk.ticket.TicketStatus to,
        String note) {
      notices.add("status:" + t.reference() + ":" + to.wire() + ":" + t.requester().userId());
    }

    @Override
    public void publicComment(io.frontdesk.desk.ticket.Ticket t, String author, String text) {
      notices.add("comment:" + t.reference());
    }

    @Override
    public void majorIncidentNotice(
        io.frontdesk.desk.ticket.Ticket child, io.frontdesk.desk.ticket.Ticket parent) {
      notices.add("major:" + child.reference() + ":" + parent.reference());
    }

    @Override
    public void approvalRequested(
        io.frontdesk.desk.ticket.Ticket t, String id, List<String> approvers) {
      notices.add("approval:" + t.reference() + ":" + String.join("|", approvers));
    }

    @Override
    public void csatSurvey(io.frontdesk.desk.ticket.Ticket t) {
      notices.add("csat:" + t.reference());
    }

    @Override
    public void slaAlert(io.frontdesk.desk.ticket.Ticket t, String state) {
      notices.add("sla:" + t.reference() + ":" + state);
    }
  }

  @Override
  public void close() {
    store.close();
  }

  /** A clock the test moves forward. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    public void set(Instant i) {
      now = i;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The tickets services as deploy's wiring builds them. */
  public static TicketService tickets(
      TicketRepository repo,
      References references,
      SlaClock sla,
      TicketRouter router,
      Catalogue catalogue,
      UserRepository users,
      SchoolRepository schools,
      TicketEvents events,
      DeskOptions options,
      Clock clock) {
    TicketQueries queries = new TicketQueries(repo);
    TicketNotes notes = new TicketNotes(repo, queries, sla, events, options, clock);
    TicketIntake intake =
        new TicketIntake(
            repo,
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
    return new TicketService(repo, intake, queries, notes, events);
  }
}
