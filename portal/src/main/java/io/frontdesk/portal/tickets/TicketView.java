package io.frontdesk.portal.tickets;

import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A ticket as its requester (or their school admin) sees it: the public fields, public comments,
 * attachments and the satisfaction survey.
 *
 * @param rating the requester's satisfaction rating, or 0 if not rated yet
 * @param canRate the viewer raised it and it is resolved or closed and not yet rated
 */
public record TicketView(
    Ticket ticket,
    List<Comment> comments,
    List<Attachments.Info> attachments,
    int rating,
    boolean canRate,
    String notice) {

  /** A public comment. */
  public record Comment(String author, boolean agent, String text, Instant at) {
    static Comment of(Document d) {
      Date at = d.getDate("at");
      return new Comment(
          d.getString("authorName"),
          d.getBoolean("agent", false),
          d.getString("text"),
          at == null ? null : at.toInstant());
    }
  }

  /** One line of the timeline: raised, each public update, resolved, closed; oldest first. */
  public record Entry(Instant at, String what, String author, boolean agent, String text) {}

  public List<Entry> timeline() {
    Document d = ticket.document();
    List<Entry> out = new java.util.ArrayList<>();
    out.add(new Entry(ticket.createdAt(), "Raised", ticket.requester().displayName(), false, null));
    for (Comment c : comments) {
      out.add(new Entry(c.at(), "Update", c.author(), c.agent(), c.text()));
    }
    Date resolved = d.getDate("resolvedAt");
    if (resolved != null) {
      out.add(new Entry(resolved.toInstant(), "Resolved", null, true, d.getString("resolution")));
    }
    Date closed = d.getDate("closedAt");
    if (closed != null) {
      out.add(new Entry(closed.toInstant(), "Closed", null, true, null));
    }
    out.sort(
        java.util.Comparator.comparing(
            Entry::at, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return out;
  }

  /** For a school: what a chargeable request will cost, as the desk stated it. */
  public String chargeStatement() {
    return ticket.chargeable() ? ticket.document().getString("chargeStatement") : null;
  }

  public boolean canReopen() {
    return ticket.status() == TicketStatus.RESOLVED;
  }

  public boolean canComment() {
    return ticket.status() != TicketStatus.CLOSED;
  }

  public static String statusLabel(TicketStatus s) {
    return switch (s) {
      case NEW -> "Received";
      case ASSIGNED -> "Assigned";
      case IN_PROGRESS -> "In progress";
      case PENDING -> "Waiting";
      case RESOLVED -> "Resolved";
      case CLOSED -> "Closed";
    };
  }

  public static String statusTag(TicketStatus s) {
    return switch (s) {
      case NEW -> "govuk-tag govuk-tag--blue";
      case ASSIGNED, IN_PROGRESS -> "govuk-tag govuk-tag--light-blue";
      case PENDING -> "govuk-tag govuk-tag--yellow";
      case RESOLVED -> "govuk-tag govuk-tag--green";
      case CLOSED -> "govuk-tag govuk-tag--grey";
    };
  }
}
