package io.frontdesk.portal.agent;

import io.frontdesk.desk.ticket.TicketStatus;

/** Words for the desk's codes, as pages show them. */
public final class Labels {
  private Labels() {}

  public static String status(TicketStatus s) {
    return switch (s) {
      case NEW -> "New";
      case ASSIGNED -> "Assigned";
      case IN_PROGRESS -> "In progress";
      case PENDING -> "Pending";
      case RESOLVED -> "Resolved";
      case CLOSED -> "Closed";
    };
  }

  public static String statusWire(String wire) {
    return wire == null ? "" : status(TicketStatus.parse(wire));
  }
}
