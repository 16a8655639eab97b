package io.frontdesk.desk.fulfilment;

import io.frontdesk.desk.catalogue.FulfilmentDispatcher;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a catalogue form for a reset or an unlock (portal or bot form) is handed to. A form cannot
 * prove who is asking the way a one-time code does, so the request stays with its resolver group;
 * this tells the person on the ticket that they can do it themselves at once with the bot.
 */
public final class SelfServiceHint implements FulfilmentDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceHint.class);
  private final TicketService tickets;

  public SelfServiceHint(TicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public void ready(Ticket ticket, String handlerId) {
    String ask =
        FulfilmentKind.UNLOCK.catalogueItemId().equals(handlerId)
            ? "unlock my account"
            : FulfilmentKind.RESET.catalogueItemId().equals(handlerId) ? "reset my password" : null;
    if (ask == null) {
      return;
    }
    try {
      tickets.comment(
          TicketLifecycle.SYSTEM,
          ticket.reference(),
          "You can do this yourself straight away: in a private chat with the Frontdesk bot in"
              + " Teams, say \""
              + ask
              + "\". We will send a code to your registered e-mail or phone to check it is you."
              + " If you cannot, an agent will pick up this request.",
          true,
          Channel.SYSTEM);
    } catch (RuntimeException e) {
      LOG.warn("Could not add the self-service hint to {}: {}", ticket.reference(), e.toString());
    }
  }
}
