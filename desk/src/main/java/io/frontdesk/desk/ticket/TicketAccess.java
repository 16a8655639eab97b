package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;

/**
 * Who may see and act on a ticket. Agents and admins see every ticket; a school admin sees all of
 * their school's tickets; everyone else sees only tickets they requested. A ticket someone may not
 * see is reported as not found, so ids cannot be probed.
 */
public final class TicketAccess {
  private TicketAccess() {}

  public static boolean isAgent(Principal p) {
    return p.hasAny(Role.AGENT, Role.ADMIN);
  }

  public static boolean canSee(Principal p, Ticket t) {
    if (isAgent(p)) {
      return true;
    }
    if (p.has(Role.SCHOOL_ADMIN) && p.schoolId().isPresent() && p.schoolId().equals(t.schoolId())) {
      return true;
    }
    return p.id().equals(t.requester().userId()) && p.schoolId().equals(t.schoolId());
  }

  public static ApiException notFound(String reference) {
    return ApiException.notFound("There is no ticket " + reference + " that you can see.");
  }

  public static void requireAgent(Principal p) {
    if (!isAgent(p)) {
      throw ApiException.forbidden("Only service desk agents can do that.");
    }
  }
}
