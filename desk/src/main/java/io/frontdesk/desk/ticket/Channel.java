package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import java.util.Locale;

/** Where a ticket or an action came from; recorded on every event. */
public enum Channel {
  TEAMS,
  PORTAL,
  API,
  /** The desk itself: scheduled jobs, automatic routing, cascades. */
  SYSTEM;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Channel parse(String s) {
    try {
      Channel c = valueOf(s.trim().toUpperCase(Locale.ROOT));
      if (c == SYSTEM) {
        throw new IllegalArgumentException();
      }
      return c;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("channel must be teams, portal or api");
    }
  }
}
