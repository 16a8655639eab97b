package io.frontdesk.portal.agent;

import io.frontdesk.desk.ticket.Ticket;
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

  public static QueueRow of(Ticket t, String assigneeName, Instant now) {
    return new QueueRow(
        t.reference(),
        t.title(),
        t.priority(),
        Labels.status(t.status()),
        t.requester().displayName(),
        assigneeName,
        t.createdAt(),
        SlaView.of(t.sla(), now),
        t.majorIncident());
  }
}
