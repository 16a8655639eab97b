package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ITIL lifecycle: new → assigned → in progress → pending → resolved → closed. Every move is
 * checked against {@link #canMoveTo}; an illegal one is a 409 that names the allowed moves.
 */
public enum TicketStatus {
  NEW,
  ASSIGNED,
  IN_PROGRESS,
  /** Waiting on the requester, a supplier or an approval: the SLA clock is paused. */
  PENDING,
  RESOLVED,
  CLOSED;

  private static final Map<TicketStatus, Set<TicketStatus>> MOVES =
      Map.of(
          NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, PENDING, RESOLVED),
          ASSIGNED, EnumSet.of(IN_PROGRESS, PENDING, RESOLVED),
          IN_PROGRESS, EnumSet.of(ASSIGNED, PENDING, RESOLVED),
          PENDING, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED),
          RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED),
          CLOSED, EnumSet.noneOf(TicketStatus.class));

  public static final Set<TicketStatus> OPEN = EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, PENDING);

  public boolean isOpen() {
    return OPEN.contains(this);
  }

  public boolean canMoveTo(TicketStatus to) {
    return MOVES.get(this).contains(to);
  }

  public Set<TicketStatus> allowedMoves() {
    return MOVES.get(this);
  }

  public void checkMove(TicketStatus to) {
    if (!canMoveTo(to)) {
      throw ApiException.conflict(
          "A "
              + wire()
              + " ticket cannot move to "
              + to.wire()
              + (allowedMoves().isEmpty()
                  ? "; it is final."
                  : "; it can move to "
                      + String.join(", ", allowedMoves().stream().map(TicketStatus::wire).toList())
                      + "."));
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TicketStatus parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "status must be one of new, assigned, in_progress, pending, resolved, closed");
    }
  }
}
