package io.frontdesk.portal.pages;

import java.time.Instant;
import java.util.List;

/** Open major incidents, as the home and status pages show them. */
public record StatusView(List<Incident> incidents) {
  public record Incident(String reference, String title, String service, Instant since) {}

  public static StatusView none() {
    return new StatusView(List.of());
  }
}
