package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import java.util.List;
import java.util.Set;

/**
 * An agent's queue page: one group, optional status/priority/assignee/SLA-state filters, a sort and
 * a page. Sorts: "priority" (P1 first, then newest), "due" (soonest resolution due first),
 * "created" (newest first), "oldest".
 */
public record QueueQuery(
    String groupId,
    List<TicketStatus> statuses,
    List<String> priorities,
    String assigneeId,
    String slaState,
    String sort,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;
  private static final Set<String> SORTS = Set.of("priority", "due", "created", "oldest");

  public QueueQuery {
    statuses =
        statuses == null || statuses.isEmpty()
            ? List.copyOf(TicketStatus.OPEN)
            : List.copyOf(statuses);
    priorities = priorities == null ? List.of() : List.copyOf(priorities);
    sort = sort == null ? "priority" : sort;
    if (!SORTS.contains(sort)) {
      throw ApiException.badRequest("sort must be one of priority, due, created, oldest");
    }
    for (String p : priorities) {
      if (!p.matches("P[1-4]")) {
        throw ApiException.badRequest("priority must be P1, P2, P3 or P4");
      }
    }
    if (slaState != null && !Set.of("ok", "warning", "breached").contains(slaState)) {
      throw ApiException.badRequest("sla must be ok, warning or breached");
    }
    if (page < 0) {
      throw ApiException.badRequest("page starts at 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.badRequest("size must be from 1 to " + MAX_SIZE);
    }
  }

  public static QueueQuery of(String groupId) {
    return new QueueQuery(groupId, null, null, null, null, "priority", 0, 25);
  }
}
