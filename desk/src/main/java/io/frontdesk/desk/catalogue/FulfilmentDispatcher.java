package io.frontdesk.desk.catalogue;

import io.frontdesk.desk.ticket.Ticket;

/**
 * The port to automated fulfilment: called when a request for an item with a handler id (e.g.
 * "password-reset") is ready to fulfil (approved, or needing no approval). The fulfilment module
 * implements it; until it is wired, the request stays in its item's resolver group for an agent.
 * Must not throw: a handler that cannot run leaves the ticket with the group.
 */
public interface FulfilmentDispatcher {
  void ready(Ticket ticket, String handlerId);

  FulfilmentDispatcher NONE = (ticket, handlerId) -> {};
}
