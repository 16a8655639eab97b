package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
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
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Raising tickets: validation, tell us once (a report like one of the requester's open tickets is
 * added to it; one like an open major incident becomes its child), routing, priority, the SLA
 * clock, the charge statement for schools and the durable insert. Blocking.
 */
public final class TicketIntake {
  private final TicketRepository repo;
  private final TicketNotes notes;
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

  public TicketIntake(
      TicketRepository repo,
      TicketNotes notes,
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
    this.notes = notes;
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
    String title = TicketService.required("title", n.title(), options.maxTitle());
    String description = TicketService.optional("description", n.description(), options.maxText());
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
    TicketService.notify(() -> events.created(t));
    if (parent != null) {
      TicketService.notify(() -> events.majorIncidentNotice(t, parent));
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
            Filters.in("status", TicketService.openWire()),
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
            Filters.in("status", TicketService.openWire()),
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
    notes.insertComment(existing, actor, TextGuard.scrub(text), true, ch, now);
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
    TicketService.notify(() -> events.linkedToExisting(existing, actor.id()));
    return new CreateResult(repo.byReference(existing.reference()).orElse(existing), true, null);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
