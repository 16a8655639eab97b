package io.frontdesk.portal.agent;

import io.frontdesk.desk.Desk;
import io.frontdesk.desk.routing.ResolverGroup;
import java.util.ArrayList;
import java.util.List;

/** Each resolver group's open load against its capacity, for the queues and the assign form. */
final class Loads {
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
    // From the desk's in-memory working set when it is loaded; a store count otherwise.
    return Bandwidth.of(g, desk.tickets().repository().openInGroup(g.id()), warnPercent);
  }
}
