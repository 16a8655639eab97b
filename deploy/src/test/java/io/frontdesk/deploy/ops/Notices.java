package io.frontdesk.deploy.ops;

import io.frontdesk.deploy.portal.PortalFixture;
import io.frontdesk.deploy.wiring.DeskWiring;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the desk would tell requesters (public comments and status changes), recorded from the
 * desk's events as {@code userId|kind|reference|detail} lines, so a test can check who was told
 * what, and that an internal note reached nobody.
 */
final class Notices implements TicketEvents {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private Notices() {}

  /** Starts recording the server's desk events. */
  static List<String> recordOn(PortalFixture fx) {
    Notices n = new Notices();
    fx.server.wiring(DeskWiring.class).orElseThrow().events().add(n);
    return n.lines;
  }

  @Override
  public void publicComment(Ticket t, String author, String text) {
    lines.add(t.requester().userId() + "|comment|" + t.reference() + "|" + text);
  }

  @Override
  public void statusChanged(Ticket t, TicketStatus from, TicketStatus to, String note) {
    lines.add(t.requester().userId() + "|status|" + t.reference() + "|" + to.wire());
  }
}
