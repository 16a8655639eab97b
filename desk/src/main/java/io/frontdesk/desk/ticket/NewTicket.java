package io.frontdesk.desk.ticket;

import org.bson.Document;

/**
 * What a caller submits to open a ticket. For catalogue requests use {@code
 * io.frontdesk.desk.catalogue.RequestService}, which fills the item fields in.
 *
 * @param impact 1 (high) to 3 (low); null means 3
 * @param urgency 1 (high) to 3 (low); null means 3
 * @param onBehalfOfUserId an agent raising a ticket for someone else; null for oneself
 * @param transcript the bot's chat transcript, if any (scrubbed of secrets before storing)
 */
public record NewTicket(
    TicketType type,
    Channel channel,
    String service,
    String category,
    String title,
    String description,
    Integer impact,
    Integer urgency,
    String onBehalfOfUserId,
    String transcript,
    Request request) {

  /** The catalogue part of a service request, filled in by the request service. */
  public record Request(
      String catalogueItemId,
      Document form,
      String priority,
      String groupId,
      boolean awaitingApproval,
      boolean chargeable,
      String chargeStatement) {}

  public static NewTicket incident(
      Channel channel, String service, String title, String description) {
    return new NewTicket(
        TicketType.INCIDENT,
        channel,
        service,
        null,
        title,
        description,
        null,
        null,
        null,
        null,
        null);
  }

  public NewTicket withImpactUrgency(int impact, int urgency) {
    return new NewTicket(
        type,
        channel,
        service,
        category,
        title,
        description,
        impact,
        urgency,
        onBehalfOfUserId,
        transcript,
        request);
  }

  public NewTicket withTranscript(String t) {
    return new NewTicket(
        type,
        channel,
        service,
        category,
        title,
        description,
        impact,
        urgency,
        onBehalfOfUserId,
        t,
        request);
  }

  public NewTicket withCategory(String c) {
    return new NewTicket(
        type,
        channel,
        service,
        c,
        title,
        description,
        impact,
        urgency,
        onBehalfOfUserId,
        transcript,
        request);
  }
}
