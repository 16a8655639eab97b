package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.DeskOptions;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.routing.TicketRouter;
import io.frontdesk.desk.routing.Words;
import io.frontdesk.desk.sla.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raising, reading and commenting on tickets, with tenancy checked on every call. Blocking: the
 * routes call it through {@code Blocking}; the bot and the portal do the same. Status changes and
 * assignment live in {@link TicketLifecycle}.
 */
public final class TicketService {
  private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

  private final TicketRepository repo;
  private final References references;
  private final PriorityMatrix matrix;
  private final SlaClock sla;
  private final TicketRouter router;
  private final Catalogue catalogue;
  private final UserRepository users;
  private final SchoolRepository schools;
  private final TicketEvents events;
  private final DeskOptions options;
  private final Clock clock;

  public TicketService(
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
    this.repo = repo;
    this.references = references;
    this.matrix = new PriorityMatrix(options.priorityMatrix());
    this.sla = sla;
    this.router = router;
    this.catalogue = catalogue;
    this.users = users;
    this.schools = schools;
    this.events = events;
    this.options = options;
    this.clock = clock;
  }

  public TicketRepository repository() {
    return repo;
  }

  public TicketEvents events() {
    return events;
  }

  /**
   * Raises a ticket for the signed-in person (or, for an agent, on behalf of someone). Validates
   * everything before writing, so a rejected request leaves nothing behind. Tell us once: a report
   * that resembles an open ticket of the same requester is added to it; one that resembles an open
   * major incident becomes its child.
   */
  public CreateResult create(Principal actor, NewTicket n) {
    if (n.type() == null || n.channel() == null) {
      throw ApiException.badRequest("type and channel are required");
    }
    String title = required("title", n.title(), options.maxTitle());
    String description = optional("description", n.description(), options.maxText());
    if (n.transcript() != null && n.transcript().length() > options.maxTranscript()) {
      throw ApiException.badRequest(
          "transcript must be " + options.maxTranscript() + " characters or fewer");
    }
    String service =
        catalogue
            .service(n.service())
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "service '"
                            + n.service()
                            + "' is not in the catalogue; use one of: "
                            + String.join(", ", catalogue.services())));
    int impact = n.impact() == null ? 3 : n.impact();
    int urgency = n.urgency() == null ? 3 : n.urgency();
    String priority = matrix.priority(impact, urgency);
    Requester requester = requesterFor(actor, n.onBehalfOfUserId());
    String desk = requester.isSchool() ? "schools" : "staff";
    School school = null;
    if (requester.isSchool()) {
      school =
          schools
              .byId(requester.schoolId())
              .orElseThrow(() -> ApiException.forbidden("Your school is not set up on the desk."));
    }
    String text = title + "\n" + (description == null ? "" : description);
    Instant now = clock.instant();

    if (n.request() == null) {
      Ticket existing = similarOpen(requester, n.type(), text);
      if (existing != null) {
        return linkToExisting(actor, existing, title, description, n.channel(), now);
      }
    }
    Ticket parent = n.request() == null ? similarMajorIncident(desk, text) : null;

    TicketRouter.Route route =
        n.request() != null && n.request().groupId() != null
            ? new TicketRouter.Route(
                n.request().groupId(), null, "catalogue item " + n.request().catalogueItemId())
            : router.route(desk, service, n.category(), text, now);
    if (parent != null) {
      route =
          new TicketRouter.Route(
              parent.groupId(),
              parent.elsProjectId(),
              "child of major incident " + parent.reference());
    }
    if (n.request() != null && n.request().priority() != null) {
      priority = n.request().priority();
    }
    boolean chargeable = false;
    String chargeStatement = null;
    if (n.request() != null && n.request().chargeable()) {
      chargeable = true;
      chargeStatement = n.request().chargeStatement();
    } else if (school != null && !school.covers(service)) {
      chargeable = true;
      chargeStatement =
          "This request is outside "
              + school.name()
              + "'s "
              + school.tier()
              + " subscription ("
              + service
              + " is not covered), so the work will be charged at the"
              + " traded services rate. We have logged it and will confirm the cost before starting.";
    }
    boolean awaitingApproval = n.request() != null && n.request().awaitingApproval();
    Document clock0 = sla.start(priority, service, now);
    TicketStatus status = awaitingApproval ? TicketStatus.PENDING : TicketStatus.NEW;
    if (awaitingApproval) {
      sla.pause(clock0, now);
    }
    List<String> tags = new ArrayList<>();
    if (route.elsProjectId() != null) {
      tags.add("els:" + route.elsProjectId());
    }
    if (chargeable) {
      tags.add("chargeable");
    }
    String reference = references.nextReference(n.type());
    Document d =
        new Document("_id", reference)
            .append("type", n.type().wire())
            .append("status", status.wire())
            .append("desk", desk)
            .append("channel", n.channel().wire())
            .append("requester", requester.toDocument())
            .append("schoolId", requester.schoolId())
            .append("service", service)
            .append("category", n.category())
            .append("title", TextGuard.scrub(title))
            .append("description", TextGuard.scrub(description))
            .append("impact", impact)
            .append("urgency", urgency)
            .append("priority", priority)
            .append("groupId", route.groupId())
            .append("assigneeId", null)
            .append("elsProjectId", route.elsProjectId())
            .append("routeReason", route.reason())
            .append("tags", tags)
            .append("linkedArticles", List.of())
            .append("problemId", null)
            .append("parentId", parent == null ? null : parent.reference())
            .append("majorIncident", false)
            .append("chargeable", chargeable)
            .append("chargeStatement", chargeStatement)
            .append("transcript", TextGuard.scrub(n.transcript()))
            .append("reassignments", 0)
            .append("reopened", 0)
            .append("sla", clock0)
            .append("createdAt", Date.from(now))
            .append("updatedAt", Date.from(now));
    if (n.request() != null) {
      d.append("catalogueItemId", n.request().catalogueItemId())
          .append("form", n.request().form())
          .append("approval", awaitingApproval ? "pending" : "not-required");
      if (awaitingApproval) {
        d.append("pendingReason", "approval");
      }
    }
    d.append(
        "createdEvent",
        TicketRepository.eventDocument(
            reference,
            requester.schoolId(),
            actor.id(),
            actor.displayName(),
            n.channel(),
            "created",
            new Document("status", status.wire())
                .append("priority", priority)
                .append("groupId", route.groupId())
                .append("route", route.reason())
                .append("chargeable", chargeable),
            now));
    repo.insert(d);
    Ticket t = new Ticket(d);
    notify(() -> events.created(t));
    if (parent != null) {
      notify(() -> events.majorIncidentNotice(t, parent));
    }
    return new CreateResult(t, false, parent);
  }

  private Requester requesterFor(Principal actor, String onBehalfOf) {
    if (onBehalfOf == null || onBehalfOf.equals(actor.id())) {
      return Requester.of(actor);
    }
    TicketAccess.requireAgent(actor);
    User u =
        users
            .byId(onBehalfOf)
            .filter(x -> !x.disabled())
            .orElseThrow(
                () -> ApiException.badRequest("onBehalfOf names no active user: " + onBehalfOf));
    return new Requester(u.id(), u.displayName(), u.schoolId());
  }

  private Ticket similarOpen(Requester r, TicketType type, String text) {
    java.util.Optional<List<WorkingSetIndex.Match>> indexed =
        repo.index()
            .flatMap(
                i -> i.similarOpenOf(r.userId(), type.wire(), text, options.duplicateThreshold()));
    if (indexed.isPresent()) {
      return first(indexed.get());
    }
    Bson f =
        Filters.and(
            Filters.eq("requester.userId", r.userId()),
            Filters.in("status", openWire()),
            Filters.eq("type", type.wire()),
            Filters.exists("catalogueItemId", false));
    Ticket best = null;
    double bestScore = 0;
    for (Ticket t : repo.find(f, Sorts.descending("createdAt"), 0, 50)) {
      double s = Words.similarity(text, t.title() + "\n" + nz(t.description()));
      if (s >= options.duplicateThreshold() && s > bestScore) {
        best = t;
        bestScore = s;
      }
    }
    return best;
  }

  private Ticket similarMajorIncident(String desk, String text) {
    java.util.Optional<List<WorkingSetIndex.Match>> indexed =
        repo.index().flatMap(i -> i.similarMajor(desk, text, options.majorThreshold()));
    if (indexed.isPresent()) {
      return first(indexed.get());
    }
    Bson f =
        Filters.and(
            Filters.eq("majorIncident", true),
            Filters.in("status", openWire()),
            Filters.eq("desk", desk));
    Ticket best = null;
    double bestScore = 0;
    for (Ticket t : repo.find(f, Sorts.descending("createdAt"), 0, 20)) {
      double s = Words.similarity(text, t.title() + "\n" + nz(t.description()));
      if (s >= options.majorThreshold() && s > bestScore) {
        best = t;
        bestScore = s;
      }
    }
    return best;
  }

  /** The best match that still exists (the index may briefly lag a deletion). */
  private Ticket first(List<WorkingSetIndex.Match> matches) {
    for (WorkingSetIndex.Match m : matches) {
      java.util.Optional<Ticket> t = repo.byReference(m.reference());
      if (t.isPresent() && t.get().status().isOpen()) {
        return t.get();
      }
    }
    return null;
  }

  private CreateResult linkToExisting(
      Principal actor, Ticket existing, String title, String description, Channel ch, Instant now) {
    String text = "Reported again: " + title + (description == null ? "" : "\n" + description);
    insertComment(existing, actor, TextGuard.scrub(text), true, ch, now);
    repo.updateIf(existing.reference(), null, Updates.set("updatedAt", Date.from(now)));
    repo.event(
        existing.reference(),
        existing.schoolId().orElse(null),
        actor.id(),
        actor.displayName(),
        ch,
        "linked-report",
        new Document("title", TextGuard.scrub(title)),
        now);
    notify(() -> events.linkedToExisting(existing, actor.id()));
    return new CreateResult(repo.byReference(existing.reference()).orElse(existing), true, null);
  }

  /** A ticket the principal may see; 404 otherwise (never 403, so references cannot be probed). */
  public Ticket get(Principal p, String reference) {
    String ref = normalise(reference);
    Ticket t = repo.byReference(ref).orElseThrow(() -> TicketAccess.notFound(ref));
    if (!TicketAccess.canSee(p, t)) {
      throw TicketAccess.notFound(ref);
    }
    return t;
  }

  /** Tickets the principal raised, newest first. */
  public Page<Ticket> mine(Principal p, boolean openOnly, int page, int size) {
    checkPage(page, size);
    if (openOnly) {
      java.util.Optional<WorkingSetIndex.RefPage> indexed =
          repo.index().flatMap(i -> i.openOf(p.id(), page, size));
      if (indexed.isPresent()) {
        return new Page<>(
            repo.byReferences(indexed.get().refs()), page, size, indexed.get().total());
      }
    }
    Bson f = Filters.eq("requester.userId", p.id());
    if (openOnly) {
      f = Filters.and(f, Filters.in("status", openWire()));
    }
    return page(f, Sorts.descending("createdAt"), page, size);
  }

  /** A school admin's view: every ticket of their school. */
  public Page<Ticket> school(Principal p, String schoolId, int page, int size) {
    checkPage(page, size);
    boolean own = p.has(Role.SCHOOL_ADMIN) && p.schoolId().map(schoolId::equals).orElse(false);
    if (!own && !TicketAccess.isAgent(p)) {
      throw ApiException.notFound("There is no school " + schoolId + " whose tickets you can see.");
    }
    return page(Filters.eq("schoolId", schoolId), Sorts.descending("createdAt"), page, size);
  }

  /**
   * An agent's queue page, as rows: from the working-set index's decoded rows when there is one (no
   * store round trip), else from the store's indexes (see {@link
   * TicketRepository#createIndexes()}), reading only the fields a row holds.
   */
  public Page<TicketSummary> queue(Principal p, QueueQuery q) {
    TicketAccess.requireAgent(p);
    java.util.Optional<WorkingSetIndex.RowPage> indexed = repo.index().flatMap(i -> i.queue(q));
    if (indexed.isPresent()) {
      return new Page<>(indexed.get().rows(), q.page(), q.size(), indexed.get().total());
    }
    List<Bson> and = new ArrayList<>();
    and.add(Filters.eq("groupId", q.groupId()));
    if (q.assigneeId() != null) {
      and.add(Filters.eq("assigneeId", "none".equals(q.assigneeId()) ? null : q.assigneeId()));
    }
    List<String> st = q.statuses().stream().map(TicketStatus::wire).toList();
    and.add(st.size() == 1 ? Filters.eq("status", st.get(0)) : Filters.in("status", st));
    if (!q.priorities().isEmpty()) {
      and.add(
          q.priorities().size() == 1
              ? Filters.eq("priority", q.priorities().get(0))
              : Filters.in("priority", q.priorities()));
    }
    if (q.slaState() != null) {
      and.add(Filters.eq("sla.state", q.slaState()));
    }
    Bson sort =
        switch (q.sort()) {
          case "due" -> Sorts.ascending("sla.resolutionDue");
          case "created" -> Sorts.descending("createdAt");
          case "oldest" -> Sorts.ascending("createdAt");
          default -> Sorts.orderBy(Sorts.ascending("priority"), Sorts.descending("createdAt"));
        };
    Bson f = Filters.and(and);
    List<TicketSummary> items = repo.summaries(f, sort, q.page() * q.size(), q.size());
    long total = items.size() < q.size() && q.page() == 0 ? items.size() : repo.count(f);
    return new Page<>(items, q.page(), q.size(), total);
  }

  private Page<Ticket> page(Bson f, Bson sort, int page, int size) {
    List<Ticket> items = repo.find(f, sort, page * size, size);
    long total = items.size() < size && page == 0 ? items.size() : repo.count(f);
    return new Page<>(items, page, size, total);
  }

  /**
   * Adds a comment. Requesters may only add public comments; agents choose. An agent's public
   * comment is the first response for the SLA and reaches the requester. A requester's comment on a
   * ticket pending on them moves it back to in progress.
   */
  public Document comment(
      Principal p, String reference, String text, boolean isPublic, Channel ch) {
    Ticket t = get(p, reference);
    String body = required("text", text, options.maxComment());
    boolean agent = TicketAccess.isAgent(p);
    if (!isPublic && !agent) {
      throw ApiException.forbidden("Only agents can add internal notes.");
    }
    if (t.status() == TicketStatus.CLOSED) {
      throw ApiException.conflict(
          "Ticket " + t.reference() + " is closed; raise a new ticket instead.");
    }
    Instant now = clock.instant();
    Document c = insertComment(t, p, TextGuard.scrub(body), isPublic, ch, now);
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set("updatedAt", Date.from(now)));
    if (agent && isPublic && t.sla() != null && t.sla().getDate("respondedAt") == null) {
      updates.add(Updates.set("sla", sla.responded(t.sla(), now)));
    }
    repo.updateIf(t.reference(), null, Updates.combine(updates));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        isPublic ? "comment" : "internal-note",
        new Document("commentId", c.getString("_id")),
        now);
    if (agent && isPublic) {
      notify(() -> events.publicComment(t, p.displayName(), c.getString("text")));
    }
    return c;
  }

  private Document insertComment(
      Ticket t, Principal p, String text, boolean isPublic, Channel ch, Instant now) {
    Document c =
        new Document("_id", UUID.randomUUID().toString())
            .append("ticketId", t.reference())
            .append("schoolId", t.schoolId().orElse(null))
            .append("authorId", p.id())
            .append("authorName", p.displayName())
            .append("agent", TicketAccess.isAgent(p))
            .append("public", isPublic)
            .append("channel", ch.wire())
            .append("text", text)
            .append("at", Date.from(now));
    repo.comment(c);
    return c;
  }

  /** Comments the principal may read: requesters see public ones only. */
  public List<Document> comments(Principal p, String reference) {
    Ticket t = get(p, reference);
    return repo.comments(t.reference(), TicketAccess.isAgent(p));
  }

  /** The audit trail; agents only (it holds internal detail). */
  public List<Document> history(Principal p, String reference) {
    Ticket t = get(p, reference);
    TicketAccess.requireAgent(p);
    return repo.events(t.reference());
  }

  /** Stores (replaces) the bot's chat transcript on a ticket, scrubbed of secrets. */
  public Ticket attachTranscript(Principal p, String reference, String transcript, Channel ch) {
    Ticket t = get(p, reference);
    if (transcript == null || transcript.length() > options.maxTranscript()) {
      throw ApiException.badRequest(
          "transcript is required and must be " + options.maxTranscript() + " characters or fewer");
    }
    Instant now = clock.instant();
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.set("transcript", TextGuard.scrub(transcript)),
            Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "transcript",
        new Document("length", transcript.length()),
        now);
    return get(p, reference);
  }

  /** Links a knowledge article (by id) to the ticket; agents only. */
  public Ticket linkArticle(Principal p, String reference, String articleId, Channel ch) {
    Ticket t = get(p, reference);
    TicketAccess.requireAgent(p);
    if (articleId == null || !articleId.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw ApiException.badRequest("articleId must be a kebab-case article id");
    }
    Instant now = clock.instant();
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.addToSet("linkedArticles", articleId),
            Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "article-linked",
        new Document("articleId", articleId),
        now);
    return get(p, reference);
  }

  static List<String> openWire() {
    return TicketStatus.OPEN.stream().map(TicketStatus::wire).toList();
  }

  static String normalise(String reference) {
    if (reference == null
        || !reference.trim().toUpperCase(java.util.Locale.ROOT).matches("(INC|REQ)-\\d{6,9}")) {
      throw ApiException.notFound("There is no ticket " + reference + " that you can see.");
    }
    return reference.trim().toUpperCase(java.util.Locale.ROOT);
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return optional(field, value, max);
  }

  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw ApiException.badRequest(
          field + " must be " + max + " characters or fewer (it has " + v.length() + ")");
    }
    return v;
  }

  static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > QueueQuery.MAX_SIZE) {
      throw ApiException.badRequest("page starts at 0 and size is 1 to " + QueueQuery.MAX_SIZE);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Notifiers must never undo a stored change: their failures are logged, not thrown. */
  static void notify(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("A ticket notifier failed: {}", e.toString());
    }
  }
}
