package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import java.util.Locale;

/** Incidents (something is broken) and service requests (something is wanted). */
public enum TicketType {
  INCIDENT("INC"),
  REQUEST("REQ");

  private final String prefix;

  TicketType(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TicketType parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw ApiException.badRequest("type must be incident or request");
    }
  }
}
