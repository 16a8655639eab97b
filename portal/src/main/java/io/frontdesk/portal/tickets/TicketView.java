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
