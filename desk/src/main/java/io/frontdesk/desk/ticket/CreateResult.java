package io.frontdesk.desk.ticket;

/**
 * The outcome of raising a ticket.
 *
 * @param ticket the new ticket, or the existing one the report was added to
 * @param linkedToExisting true when "tell us once" added the report to an open ticket of the same
 *     requester instead of opening a duplicate
 * @param majorIncident the known major incident the new ticket was linked to, or null
 */
public record CreateResult(Ticket ticket, boolean linkedToExisting, Ticket majorIncident) {}
