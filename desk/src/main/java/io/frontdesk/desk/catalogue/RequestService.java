package io.frontdesk.desk.catalogue;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.approval.ApprovalService;
import io.frontdesk.desk.mi.SelfServiceLog;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.TextGuard;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.bson.Document;

/**
 * Catalogue requests: validates the form field by field, works out the approvers and the school's
 * entitlement before anything is written, raises the REQ ticket, then opens the approval or hands
 * the request to its automated handler.
 */
public final class RequestService {
  private final Catalogue catalogue;
  private final TicketService tickets;
  private final TicketLifecycle lifecycle;
  private final ApprovalService approvals;
  private final UserRepository users;
  private final SchoolRepository schools;
  private final SelfServiceLog selfService;
  private final FulfilmentDispatcher fulfilment;

  public RequestService(
      Catalogue catalogue,
      TicketService tickets,
      TicketLifecycle lifecycle,
      ApprovalService approvals,
      UserRepository users,
      SchoolRepository schools,
      SelfServiceLog selfService,
      FulfilmentDispatcher fulfilment) {
    this.catalogue = catalogue;
    this.tickets = tickets;
    this.lifecycle = lifecycle;
    this.approvals = approvals;
    this.users = users;
    this.schools = schools;
    this.selfService = selfService;
    this.fulfilment = fulfilment;
  }

  /** Submits a request for a catalogue item; {@link FieldErrors} lists every bad field. */
  public CreateResult submit(Principal p, String itemId, JsonObject form, Channel channel) {
    CatalogueItem item = catalogue.requestable(itemId, p);
    Document clean = catalogue.validate(item, form);
    User requester = users.byId(p.id()).orElse(null);
    List<String> approvers = approvals.approversFor(item, requester);
    boolean chargeable = false;
    String statement = null;
    if (item.onsiteVisit() && p.schoolId().isPresent()) {
      School school =
          schools
              .byId(p.schoolId().get())
              .orElseThrow(() -> ApiException.forbidden("Your school is not set up on the desk."));
      if (!schools.takeOnsiteDay(school.id())) {
        chargeable = true;
        statement =
            school.name()
                + " has used all "
                + school.onsiteDaysIncluded()
                + " on-site engineer days in its "
                + school.tier()
                + " subscription, so this visit will be charged at the traded services day rate."
                + " We have booked it and will confirm the cost before the visit.";
      }
    }
    NewTicket n =
        new NewTicket(
            TicketType.REQUEST,
            channel,
            item.service(),
            item.id(),
            title(item, clean),
            describe(item, clean),
            null,
            null,
            null,
            null,
            new NewTicket.Request(
                item.id(),
                clean,
                item.priority(),
                item.groupId(),
                !approvers.isEmpty(),
                chargeable,
                statement));
    CreateResult created = tickets.create(p, n);
    if (!approvers.isEmpty()) {
      approvals.open(created.ticket(), item, approvers);
    } else if (item.handler() != null) {
      try {
        fulfilment.ready(created.ticket(), item.handler());
      } catch (RuntimeException ignored) {
        // The request stays with its resolver group.
      }
    }
    return created;
  }

  /**
   * For automated fulfilment (password reset, unlock): records a fulfilment that already happened
   * as a REQ ticket, resolved at once, with {@code details} (who asked, how they were verified,
   * what changed; never a secret) in its audit trail, and counts it as self-service.
   */
  public Ticket recordAutomatedFulfilment(
      Principal requester, String itemId, Channel channel, String summary, Document details) {
    CatalogueItem item =
        catalogue
            .item(itemId)
            .orElseThrow(() -> ApiException.badRequest("unknown catalogue item " + itemId));
    NewTicket n =
        new NewTicket(
            TicketType.REQUEST,
            channel,
            item.service(),
            item.id(),
            item.name(),
            TextGuard.scrub(summary),
            null,
            null,
            null,
            null,
            new NewTicket.Request(
                item.id(), new Document(), item.priority(), item.groupId(), false, false, null));
    Ticket t = tickets.create(requester, n).ticket();
    tickets
        .repository()
        .event(
            t.reference(),
            t.schoolId().orElse(null),
            requester.id(),
            requester.displayName(),
            channel,
            "fulfilled",
            scrub(details),
            java.time.Instant.now());
    Ticket done =
        lifecycle.systemMove(
            TicketLifecycle.SYSTEM,
            t.reference(),
            TicketStatus.RESOLVED,
            "Fulfilled automatically: " + TextGuard.scrub(summary),
            Channel.SYSTEM,
            new Document("automated", true));
    selfService.record(requester, "fulfilment", item.id(), channel);
    return done;
  }

  private static Document scrub(Document details) {
    Document out = new Document();
    if (details != null) {
      details.forEach((k, v) -> out.append(k, v instanceof String s ? TextGuard.scrub(s) : v));
    }
    return out;
  }

  private static String title(CatalogueItem item, Document form) {
    for (FormField f : item.fields()) {
      Object v = form.get(f.name());
      if (v instanceof String s && !"textarea".equals(f.type()) && s.length() <= 80) {
        return item.name() + ": " + s;
      }
    }
    return item.name();
  }

  private static String describe(CatalogueItem item, Document form) {
    StringBuilder b = new StringBuilder();
    for (FormField f : item.fields()) {
      if (form.containsKey(f.name())) {
        b.append(f.label()).append(": ").append(form.get(f.name())).append('\n');
      }
    }
    return b.toString().strip();
  }
}
