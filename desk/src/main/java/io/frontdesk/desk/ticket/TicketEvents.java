package io.frontdesk.desk.ticket;

/**
 * The outbound port: what requesters and approvers must be told. The bot (Teams proactive
 * messages), the portal and e-mail implement it; deploy wires a logging one until they do.
 * Implementations must not block for long and must never throw into the desk (the change is already
 * stored when they are called).
 */
public interface TicketEvents {
  /** A ticket was created (including ones linked to a major incident). */
  default void created(Ticket ticket) {}

  /** The status changed; {@code note} is the public explanation, if any. */
  default void statusChanged(Ticket ticket, TicketStatus from, TicketStatus to, String note) {}

  /** An agent added a public comment the requester should see. */
  default void publicComment(Ticket ticket, String authorName, String text) {}

  /** A new report was linked to an open ticket instead of duplicating it (tell us once). */
  default void linkedToExisting(Ticket existing, String requesterId) {}

  /** The ticket is a child of a known major incident; tell its requester it is known. */
  default void majorIncidentNotice(Ticket child, Ticket parent) {}

  /** A request needs a decision from these approvers. */
  default void approvalRequested(
      Ticket ticket, String approvalId, java.util.List<String> approverIds) {}

  /** A decision was taken on a request. */
  default void approvalDecided(Ticket ticket, boolean approved, String comment) {}

  /** Ticket resolved: ask for a 1-5 satisfaction rating through the ticket's channel. */
  default void csatSurvey(Ticket ticket) {}

  /** SLA warning (75 %) or breach (100 %), for the assigned group. */
  default void slaAlert(Ticket ticket, String state) {}

  /**
   * Early Life Support handed the ticket over to a project team ({@code groupId}) with a note; the
   * team should hear of it.
   */
  default void handedOver(Ticket ticket, String projectName, String groupId, String note) {}

  /** Does nothing: the default until the bot, portal and e-mail are wired. */
  TicketEvents NONE = new TicketEvents() {};
}
