package io.frontdesk.desk.routing;

import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.desk.els.ProjectRepository;
import java.time.Instant;

/**
 * Chooses the queue for a new ticket: an Early Life Support project in its window that matches wins
 * (staff desk only); then the first matching routing rule; then the desk's level-1 queue.
 */
public final class TicketRouter {
  public static final String STAFF_DESK_GROUP = "service-desk";
  public static final String SCHOOLS_DESK_GROUP = "schools-desk";

  private final GroupRepository groups;
  private final ProjectRepository projects;

  public TicketRouter(GroupRepository groups, ProjectRepository projects) {
    this.groups = groups;
    this.projects = projects;
  }

  /** Where a ticket goes and why; {@code elsProjectId} is set when ELS took it. */
  public record Route(String groupId, String elsProjectId, String reason) {}

  public Route route(String desk, String service, String category, String text, Instant now) {
    if ("staff".equals(desk)) {
      for (ElsProject p : projects.inWindow(now)) {
        if (p.matches(service, text)) {
          return new Route(p.elsGroupId(), p.id(), "Early Life Support: " + p.name());
        }
      }
    }
    return routeNormally(desk, service, category, text);
  }

  /** The usual desk, ignoring Early Life Support (used when an ELS window closes). */
  public Route routeNormally(String desk, String service, String category, String text) {
    for (RoutingRule r : groups.rules()) {
      if (r.matches(desk, service, category, text)) {
        return new Route(r.groupId(), null, "rule " + r.id());
      }
    }
    return new Route(
        "schools".equals(desk) ? SCHOOLS_DESK_GROUP : STAFF_DESK_GROUP, null, "default queue");
  }
}
