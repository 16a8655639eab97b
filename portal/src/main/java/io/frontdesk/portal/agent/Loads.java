package io.frontdesk.portal.agent;

import com.mongodb.client.model.Filters;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;

/** Each resolver group's open load against its capacity, for the queues and the assign form. */
final class Loads {
  private static final List<String> OPEN =
      TicketStatus.OPEN.stream().map(TicketStatus::wire).toList();

  private final Desk desk;
  private final int warnPercent;

  Loads(Desk desk, int warnPercent) {
    this.desk = desk;
    this.warnPercent = warnPercent;
  }

  /** Blocking. */
  List<Bandwidth> all() {
    List<Bandwidth> out = new ArrayList<>();
    for (ResolverGroup g : desk.groups().all()) {
      out.add(of(g));
    }
    return out;
  }

  /** Blocking. */
  Bandwidth of(ResolverGroup g) {
    long open =
        desk.tickets()
            .repository()
            .count(Filters.and(Filters.eq("groupId", g.id()), Filters.in("status", OPEN)));
    return Bandwidth.of(g, open, warnPercent);
  }
}
