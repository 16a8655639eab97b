package io.frontdesk.desk.fulfilment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.RequestService;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketType;
import java.util.List;
import org.bson.Document;

/**
 * The desk side of fulfilment, through the desk's own services: the resolved REQ audit ticket of a
 * fulfilment, a REQ for an agent when self-service must not or cannot act, and an incident in the
 * security queue after repeated failed verifications. Ticket text never holds a code or password.
 */
public final class FulfilmentTickets {
  private final TicketService tickets;
  private final TicketLifecycle lifecycle;
  private final RequestService requests;
  private final Catalogue catalogue;
  private final FulfilmentOptions options;

  public FulfilmentTickets(
      TicketService tickets,
      TicketLifecycle lifecycle,
      RequestService requests,
      Catalogue catalogue,
      FulfilmentOptions options) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.catalogue = catalogue;
    this.options = options;
  }

  /** Records a finished fulfilment: a REQ resolved at once, counted as self-service. */
  public Ticket fulfilled(
      Principal requester, FulfilmentKind kind, Channel channel, String summary, Document audit) {
    return requests.recordAutomatedFulfilment(
        requester, kind.catalogueItemId(), channel, summary, audit);
  }

  /**
   * A REQ for an agent (privileged account, directory down), raised for the person; an open one for
   * the same person and item is reused, so retries while the directory is down add no tickets.
   */
  public Ticket forAgent(
      User user, FulfilmentKind kind, Channel channel, String why, String groupId) {
    CatalogueItem item = catalogue.item(kind.catalogueItemId()).orElseThrow();
    List<Ticket> open =
        tickets
            .repository()
            .find(
                Filters.and(
                    Filters.eq("requester.userId", user.id()),
                    Filters.eq("catalogueItemId", item.id()),
                    Filters.eq("groupId", groupId),
                    Filters.in(
                        "status", TicketStatus.OPEN.stream().map(TicketStatus::wire).toList())),
                Sorts.descending("createdAt"),
                0,
                1);
    if (!open.isEmpty()) {
      return open.get(0);
    }
    NewTicket n =
        new NewTicket(
            TicketType.REQUEST,
            channel,
            item.service(),
            item.id(),
            item.name() + " (needs an agent)",
            why,
            null,
            null,
            user.id(),
            null,
            new NewTicket.Request(
                item.id(),
                new Document("account", user.upn()),
                item.priority(),
                groupId,
                false,
                false,
                null));
    return tickets.create(TicketLifecycle.SYSTEM, n).ticket();
  }

  /** An incident in the security queue: someone keeps failing to verify as this person. */
  public Ticket securityAlert(User user, Channel channel, long failures) {
    NewTicket n =
        new NewTicket(
            TicketType.INCIDENT,
            channel,
            "Information security",
            "account-verification",
            "Repeated failed verification for " + user.displayName() + "'s account",
            failures
                + " self-service password reset or unlock attempts for "
                + user.upn()
                + " ended with too many wrong one-time codes in the last 24 hours. Someone may"
                + " be trying to take over the account, or its registered contact may be wrong."
                + " Check with the person by a known route before any reset.",
            2,
            2,
            user.id(),
            null,
            null);
    Ticket t = tickets.create(TicketLifecycle.SYSTEM, n).ticket();
    if (!options.securityGroup().equals(t.groupId())) {
      t =
          lifecycle.assign(
              TicketLifecycle.SYSTEM, t.reference(), options.securityGroup(), null, Channel.SYSTEM);
    }
    return t;
  }
}
