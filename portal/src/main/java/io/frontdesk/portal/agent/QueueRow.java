package io.frontdesk.portal.agent;

import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.desk.ticket.TicketSummary;
import java.time.Instant;

/** One ticket as a queue row shows it. */
public record QueueRow(
    String reference,
    String title,
    String priority,
    String status,
    String requester,
    String assignee,
    Instant created,
    SlaView sla,
    boolean majorIncident) {

  public static QueueRow of(TicketSummary t, String assigneeName, Instant now) {
    return new QueueRow(
        t.reference(),
        t.title(),
        t.priority(),
        Labels.status(TicketStatus.parse(t.status())),
        t.requesterName(),
        assigneeName,
        t.created(),
        SlaView.of(t.sla() == null ? null : t.sla().toDocument(), now),
        t.majorIncident());
  }
}
