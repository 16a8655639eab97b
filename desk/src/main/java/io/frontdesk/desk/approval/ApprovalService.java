package io.frontdesk.desk.approval;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.FulfilmentDispatcher;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.TextGuard;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Approvals of service requests ({@code desk_approvals}): the requester's line manager or a named
 * group decides, with a comment. The decision is stored and audited on the ticket, and the request
 * moves on by itself: approved requests go to fulfilment, rejected ones are resolved with the
 * reason. Nobody approves their own request.
 */
public final class ApprovalService {
  public static final String COLLECTION = "desk_approvals";
  private final MongoCollection<Document> approvals;
  private final TicketRepository tickets;
  private final TicketLifecycle lifecycle;
  private final UserRepository users;
  private final Catalogue catalogue;
  private final TicketEvents events;
  private final FulfilmentDispatcher fulfilment;
  private final Clock clock;

  public ApprovalService(
      MongoDatabase db,
      TicketRepository tickets,
      TicketLifecycle lifecycle,
      UserRepository users,
      Catalogue catalogue,
      TicketEvents events,
      FulfilmentDispatcher fulfilment,
      Clock clock) {
    this.approvals = db.getCollection(COLLECTION);
    this.tickets = tickets;
    this.lifecycle = lifecycle;
    this.users = users;
    this.catalogue = catalogue;
    this.events = events;
    this.fulfilment = fulfilment;
    this.clock = clock;
  }

  public void createIndexes() {
    approvals.createIndex(Indexes.ascending("state", "approverIds"));
    approvals.createIndex(Indexes.ascending("state", "groupId"));
    approvals.createIndex(Indexes.ascending("ticketId"));
  }

  /** Who must approve this item for this requester; 400 if nobody can (checked before writing). */
  public List<String> approversFor(CatalogueItem item, User requester) {
    return switch (item.approval()) {
      case "none" -> List.of();
      case "line-manager" -> {
        if (requester == null
            || requester.lineManagerId() == null
            || users.byId(requester.lineManagerId()).filter(u -> !u.disabled()).isEmpty()) {
          throw ApiException.badRequest(
              "This request needs your line manager's approval, but we have no line manager on record for you. Ask the Service Desk to add one.");
        }
        yield List.of(requester.lineManagerId());
      }
      default -> {
        List<String> ids =
            users.inGroup(item.approverGroupId()).stream()
                .filter(u -> !u.disabled())
                .map(User::id)
                .toList();
        if (ids.isEmpty()) {
          throw ApiException.badRequest(
              "Nobody can approve " + item.name() + " at the moment; contact the Service Desk.");
        }
        yield ids;
      }
    };
  }

  /** Opens the approval for a ticket that is pending on it, and asks the approvers. */
  public Document open(Ticket ticket, CatalogueItem item, List<String> approverIds) {
    Document a =
        new Document("_id", UUID.randomUUID().toString())
            .append("ticketId", ticket.reference())
            .append("schoolId", ticket.schoolId().orElse(null))
            .append("requesterId", ticket.requester().userId())
            .append("itemId", item.id())
            .append("kind", item.approval())
            .append("groupId", item.approverGroupId())
            .append("approverIds", approverIds)
            .append("state", "pending")
            .append("requestedAt", Date.from(clock.instant()));
    approvals.insertOne(a);
    try {
      events.approvalRequested(ticket, a.getString("_id"), approverIds);
    } catch (RuntimeException ignored) {
      // The approval is stored; approvers also find it in their list.
    }
    return a;
  }

  /** Approvals waiting on this person. */
  public List<Document> pendingFor(Principal p) {
    return approvals
        .find(Filters.and(Filters.eq("state", "pending"), Filters.eq("approverIds", p.id())))
        .sort(Sorts.ascending("requestedAt"))
        .into(new ArrayList<>());
  }

  /** The approval, if this person is one of its approvers (404 otherwise). */
  public Document get(Principal p, String id) {
    Document a = approvals.find(Filters.eq("_id", id)).first();
    if (a == null || !a.getList("approverIds", String.class, List.of()).contains(p.id())) {
      throw ApiException.notFound("There is no approval " + id + " waiting on you.");
    }
    return a;
  }

  /** Approve or reject with a comment; the request then moves on by itself. */
  public Document decide(Principal p, String id, boolean approve, String comment, Channel ch) {
    Document a = get(p, id);
    String why = comment == null ? "" : comment.strip();
    if (!approve && why.isEmpty()) {
      throw ApiException.badRequest(
          "Say why you are rejecting the request: a comment is required.");
    }
    if (why.length() > 2000) {
      throw ApiException.badRequest("comment must be 2000 characters or fewer");
    }
    if (p.id().equals(a.getString("requesterId"))) {
      throw ApiException.forbidden("You cannot approve your own request.");
    }
    Instant now = clock.instant();
    String state = approve ? "approved" : "rejected";
    long changed =
        approvals
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", "pending")),
                Updates.combine(
                    Updates.set("state", state),
                    Updates.set("decidedBy", p.id()),
                    Updates.set("decidedByName", p.displayName()),
                    Updates.set("comment", TextGuard.scrub(why)),
                    Updates.set("decidedAt", Date.from(now))))
            .getModifiedCount();
    if (changed == 0) {
      throw ApiException.conflict("This approval has already been decided.");
    }
    String ref = a.getString("ticketId");
    Ticket t = tickets.byReference(ref).orElseThrow();
    tickets.event(
        ref,
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "approval-" + state,
        new Document("approvalId", id).append("comment", TextGuard.scrub(why)),
        now);
    Ticket after;
    if (approve) {
      after =
          lifecycle.systemMove(
              p,
              ref,
              TicketStatus.ASSIGNED,
              "Approved by " + p.displayName() + (why.isEmpty() ? "" : ": " + why),
              ch,
              new Document("approval", "approved"));
      CatalogueItem item = catalogue.item(after.catalogueItemId()).orElse(null);
      if (item != null && item.handler() != null) {
        try {
          fulfilment.ready(after, item.handler());
        } catch (RuntimeException ignored) {
          // The request stays with its resolver group.
        }
      }
    } else {
      after =
          lifecycle.systemMove(
              p,
              ref,
              TicketStatus.RESOLVED,
              "Rejected by " + p.displayName() + ": " + why,
              ch,
              new Document("approval", "rejected"));
    }
    Ticket decided = after;
    try {
      events.approvalDecided(decided, approve, why);
    } catch (RuntimeException ignored) {
      // Stored already.
    }
    return approvals.find(Filters.eq("_id", id)).first();
  }
}
