package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.DeskOptions;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Status changes, assignment, reopening, major incidents and auto-close. Every move is validated
 * against {@link TicketStatus}, applied only if the ticket is still in the status it was read in (a
 * concurrent change is a 409, never a lost update), and recorded as an event.
 */
public final class TicketLifecycle {
  /** Who performs automatic moves in the audit trail. */
  public static final Principal SYSTEM =
      new Principal("system", "Frontdesk", "", Set.of(Role.AGENT), java.util.Optional.empty());

  private final TicketService tickets;
  private final TicketRepository repo;
  private final SlaClock sla;
  private final GroupRepository groups;
  private final UserRepository users;
  private final TicketEvents events;
  private final DeskOptions options;
  private final Clock clock;

  public TicketLifecycle(
      TicketService tickets,
      SlaClock sla,
      GroupRepository groups,
      UserRepository users,
      DeskOptions options,
      Clock clock) {
    this.tickets = tickets;
    this.repo = tickets.repository();
    this.sla = sla;
    this.groups = groups;
    this.users = users;
    this.events = tickets.events();
    this.options = options;
    this.clock = clock;
  }

  /**
   * Moves a ticket to {@code to}. Agents may make any legal move; a requester may only close a
   * resolved ticket (accepting the fix) or reopen it ({@link #reopen}). Resolving needs a note (the
   * resolution) and resolves a major incident's children too.
   */
  public Ticket transition(
      Principal p, String reference, TicketStatus to, String note, Channel ch) {
    Ticket t = tickets.get(p, reference);
    boolean agent = TicketAccess.isAgent(p);
    if (!agent && !(t.status() == TicketStatus.RESOLVED && to == TicketStatus.CLOSED)) {
      throw ApiException.forbidden(
          "You can accept a resolved ticket (close it) or reopen it; the desk makes other changes.");
    }
    String clean = TicketService.optional("note", note, options.maxComment());
    if (to == TicketStatus.RESOLVED && (clean == null || clean.isEmpty())) {
      throw ApiException.badRequest(
          "Say how the ticket was resolved: a note is required to resolve.");
    }
    if (t.status() == TicketStatus.PENDING
        && "approval".equals(t.document().getString("pendingReason"))
        && agent
        && p != SYSTEM) {
      throw ApiException.conflict(
          "Ticket "
              + t.reference()
              + " is waiting for approval; it moves on when the approver decides.");
    }
    return move(p, t, to, clean, ch, null);
  }

  /**
   * A move made by the desk itself (approvals, fulfilment handlers): no role check, still validated
   * and audited. {@code extra} holds further fields to set on the ticket.
   */
  public Ticket systemMove(
      Principal actor, String reference, TicketStatus to, String note, Channel ch, Document extra) {
    Ticket t = repo.byReference(reference).orElseThrow(() -> TicketAccess.notFound(reference));
    return move(actor, t, to, note, ch, extra);
  }

  Ticket move(Principal p, Ticket t, TicketStatus to, String note, Channel ch, Document extra) {
    TicketStatus from = t.status();
    from.checkMove(to);
    Instant now = clock.instant();
    Document clock0 = t.sla() == null ? null : copySla(t.sla());
    List<Bson> set = new ArrayList<>();
    set.add(Updates.set("status", to.wire()));
    set.add(Updates.set("updatedAt", Date.from(now)));
    if (clock0 != null) {
      if (to == TicketStatus.PENDING) {
        sla.pause(clock0, now);
      } else if (from == TicketStatus.PENDING || from == TicketStatus.RESOLVED) {
        if (from == TicketStatus.RESOLVED) {
          clock0.remove("stoppedAt");
        }
        sla.resume(clock0, now);
      }
      if (to == TicketStatus.IN_PROGRESS && TicketAccess.isAgent(p) && p != SYSTEM) {
        sla.responded(clock0, now);
      }
      if (to == TicketStatus.RESOLVED) {
        sla.stop(clock0, now);
        clock0.put("pausedSince", Date.from(now));
      }
      set.add(Updates.set("sla", clock0));
    }
    if (to == TicketStatus.PENDING) {
      set.add(
          Updates.set(
              "pendingReason",
              extra != null && extra.getString("pendingReason") != null
                  ? extra.getString("pendingReason")
                  : "user"));
    } else if (from == TicketStatus.PENDING) {
      set.add(Updates.unset("pendingReason"));
    }
    if (to == TicketStatus.RESOLVED) {
      set.add(Updates.set("resolvedAt", Date.from(now)));
      set.add(Updates.set("resolution", note));
      set.add(
          Updates.set(
              "resolvedByLevel", groups.byId(t.groupId()).map(ResolverGroup::level).orElse(1)));
    }
    if (to == TicketStatus.CLOSED) {
      set.add(Updates.set("closedAt", Date.from(now)));
    }
    if (from == TicketStatus.RESOLVED && to == TicketStatus.IN_PROGRESS) {
      set.add(Updates.inc("reopened", 1));
      set.add(Updates.unset("resolvedAt"));
    }
    if (extra != null) {
      extra.forEach(
          (k, v) -> {
            if (!k.equals("pendingReason")) set.add(Updates.set(k, v));
          });
    }
    if (!repo.updateIf(t.reference(), from.wire(), Updates.combine(set))) {
      throw ApiException.conflict(
          "Ticket "
              + t.reference()
              + " changed while you were working on it; reload and try again.");
    }
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "status",
        new Document("from", from.wire()).append("to", to.wire()).append("note", note),
        now);
    Ticket after = repo.byReference(t.reference()).orElseThrow();
    TicketService.notify(() -> events.statusChanged(after, from, to, note));
    if (to == TicketStatus.RESOLVED) {
      TicketService.notify(() -> events.csatSurvey(after));
      if (after.majorIncident()) {
        resolveChildren(p, after, note, ch);
      }
    }
    return after;
  }

  private static Document copySla(Document s) {
    return new Document(s);
  }

  private void resolveChildren(Principal p, Ticket parent, String note, Channel ch) {
    for (Ticket child :
        repo.find(
            Filters.and(
                Filters.eq("parentId", parent.reference()),
                Filters.in("status", TicketService.openWire())),
            Sorts.ascending("createdAt"),
            0,
            10_000)) {
      try {
        move(
            p,
            child,
            TicketStatus.RESOLVED,
            "Resolved with major incident " + parent.reference() + ": " + note,
            ch,
            null);
      } catch (ApiException e) {
        // A child that moved meanwhile keeps its own state; the next cascade or an agent handles
        // it.
      }
    }
  }

  /** The requester (or an agent) reopens a resolved ticket with a reason. */
  public Ticket reopen(Principal p, String reference, String reason, Channel ch) {
    Ticket t = tickets.get(p, reference);
    String why = TicketService.required("reason", reason, options.maxComment());
    if (t.status() != TicketStatus.RESOLVED) {
      throw ApiException.conflict(
          "Only a resolved ticket can be reopened; "
              + t.reference()
              + " is "
              + t.status().wire()
              + ".");
    }
    return move(p, t, TicketStatus.IN_PROGRESS, "Reopened: " + TextGuard.scrub(why), ch, null);
  }

  /**
   * Assigns to a group (reassignment is counted: it feeds first-time fix) and optionally to an
   * agent of that group. A new ticket with an assignee becomes assigned.
   */
  public Ticket assign(
      Principal p, String reference, String groupId, String assigneeId, Channel ch) {
    TicketAccess.requireAgent(p);
    Ticket t = tickets.get(p, reference);
    if (!t.status().isOpen()) {
      throw ApiException.conflict(
          "Ticket "
              + t.reference()
              + " is "
              + t.status().wire()
              + "; reopen it before reassigning.");
    }
    String group = groupId == null ? t.groupId() : groupId;
    ResolverGroup g =
        groups
            .byId(group)
            .orElseThrow(
                () -> ApiException.badRequest("groupId names no resolver group: " + group));
    if (assigneeId != null) {
      User u =
          users
              .byId(assigneeId)
              .orElseThrow(
                  () -> ApiException.badRequest("assigneeId names no user: " + assigneeId));
      if (!u.roles().contains(Role.AGENT) || !u.groups().contains(g.id()) || u.disabled()) {
        throw ApiException.badRequest(
            u.displayName() + " is not an active agent in " + g.name() + ".");
      }
    }
    Instant now = clock.instant();
    boolean groupChanged = !g.id().equals(t.groupId());
    List<Bson> set = new ArrayList<>();
    set.add(Updates.set("groupId", g.id()));
    set.add(Updates.set("assigneeId", assigneeId));
    set.add(Updates.set("updatedAt", Date.from(now)));
    if (groupChanged) {
      set.add(Updates.inc("reassignments", 1));
    }
    TicketStatus to = t.status();
    if (t.status() == TicketStatus.NEW && assigneeId != null) {
      to = TicketStatus.ASSIGNED;
      set.add(Updates.set("status", to.wire()));
    }
    if (assigneeId != null
        && t.sla() != null
        && t.sla().getDate("respondedAt") == null
        && t.status() != TicketStatus.PENDING) {
      set.add(Updates.set("sla", sla.responded(copySla(t.sla()), now)));
    }
    if (!repo.updateIf(t.reference(), t.status().wire(), Updates.combine(set))) {
      throw ApiException.conflict(
          "Ticket "
              + t.reference()
              + " changed while you were working on it; reload and try again.");
    }
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        groupChanged ? "reassigned" : "assigned",
        new Document("fromGroup", t.groupId())
            .append("toGroup", g.id())
            .append("fromAssignee", t.assigneeId())
            .append("toAssignee", assigneeId),
        now);
    Ticket after = repo.byReference(t.reference()).orElseThrow();
    if (to != t.status()) {
      TicketStatus from = t.status();
      TicketStatus moved = to;
      TicketService.notify(() -> events.statusChanged(after, from, moved, null));
    }
    return after;
  }

  /** An agent declares a major incident: similar new reports become its children. */
  public Ticket declareMajorIncident(Principal p, String reference, Channel ch) {
    TicketAccess.requireAgent(p);
    Ticket t = tickets.get(p, reference);
    if (t.type() != TicketType.INCIDENT || !t.status().isOpen()) {
      throw ApiException.conflict("Only an open incident can be declared a major incident.");
    }
    Instant now = clock.instant();
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.set("majorIncident", true),
            Updates.set("priority", "P1"),
            Updates.addToSet("tags", "major-incident"),
            Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "major-incident-declared",
        new Document("priority", "P1"),
        now);
    return repo.byReference(t.reference()).orElseThrow();
  }

  /** Links an existing open incident to a major incident as its child, telling its requester. */
  public Ticket linkToMajorIncident(Principal p, String childRef, String parentRef, Channel ch) {
    TicketAccess.requireAgent(p);
    Ticket child = tickets.get(p, childRef);
    Ticket parent = tickets.get(p, parentRef);
    if (!parent.majorIncident() || !parent.status().isOpen()) {
      throw ApiException.conflict(parent.reference() + " is not an open major incident.");
    }
    if (child.reference().equals(parent.reference()) || child.majorIncident()) {
      throw ApiException.conflict("A major incident cannot be its own child or another's.");
    }
    Instant now = clock.instant();
    repo.updateIf(
        child.reference(),
        null,
        Updates.combine(
            Updates.set("parentId", parent.reference()), Updates.set("updatedAt", Date.from(now))));
    repo.event(
        child.reference(),
        child.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "linked-major-incident",
        new Document("parentId", parent.reference()),
        now);
    Ticket after = repo.byReference(child.reference()).orElseThrow();
    TicketService.notify(() -> events.majorIncidentNotice(after, parent));
    return after;
  }

  /** Closes tickets resolved more than {@code autoCloseDays} ago; returns how many. */
  public int autoClose() {
    Instant cutoff = clock.instant().minus(Duration.ofDays(options.autoCloseDays()));
    int n = 0;
    // From the working-set index when there is one: a store query here is a collection scan.
    // While the index is still loading, wait for the next round.
    if (repo.index().map(i -> !i.ready()).orElse(false)) {
      return 0;
    }
    List<Ticket> due =
        repo.index()
            .flatMap(i -> i.resolvedBefore(cutoff.toEpochMilli(), 1000))
            .map(repo::byReferences)
            .orElseGet(
                () ->
                    repo.find(
                        Filters.and(
                            Filters.eq("status", "resolved"),
                            Filters.lt("resolvedAt", Date.from(cutoff))),
                        Sorts.ascending("resolvedAt"),
                        0,
                        1000));
    for (Ticket t : due) {
      try {
        move(
            SYSTEM,
            t,
            TicketStatus.CLOSED,
            "Closed automatically " + options.autoCloseDays() + " days after it was resolved.",
            Channel.SYSTEM,
            null);
        n++;
      } catch (ApiException e) {
        // Reopened meanwhile: leave it.
      }
    }
    return n;
  }
}
