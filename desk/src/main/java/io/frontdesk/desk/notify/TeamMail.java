package io.frontdesk.desk.notify;

import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketEvents;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails a resolver team about desk events addressed to the team rather than the requester: an
 * Early Life Support handover reaches every active member of the project team, with the note and a
 * link to the ticket. Sends on {@code executor} (the desk has already stored the change and must
 * not wait on SMTP); a failure is logged with the reference and the kind only, never the text.
 */
public final class TeamMail implements TicketEvents {
  private static final Logger LOG = LoggerFactory.getLogger(TeamMail.class);

  private final UserRepository users;
  private final Notifier notifier;
  private final Executor executor;
  private final String baseUrl;

  public TeamMail(UserRepository users, Notifier notifier, Executor executor, String baseUrl) {
    this.users = users;
    this.notifier = notifier;
    this.executor = executor;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handedOver(Ticket t, String projectName, String groupId, String note) {
    if (!notifier.supports("email")) {
      return;
    }
    OutboundMessage message =
        new OutboundMessage(
            t.reference() + " handed over to your team by " + projectName + " Early Life Support",
            "Early Life Support for "
                + projectName
                + " has handed "
                + t.reference()
                + " ("
                + t.title()
                + ") to your team.\n\nHandover note:\n"
                + note
                + "\n\nOpen the ticket: "
                + baseUrl
                + "/agent/tickets/"
                + t.reference()
                + "\n");
    executor.execute(
        () -> {
          int sent = 0;
          for (User u : users.inGroup(groupId)) {
            if (u.disabled() || u.email() == null || u.email().isBlank()) {
              continue;
            }
            try {
              notifier.send(Contact.email(u.email()), message);
              sent++;
            } catch (RuntimeException e) {
              LOG.warn(
                  "Handover mail for {} to {} failed: {}", t.reference(), u.id(), e.toString());
            }
          }
          LOG.info("Handover of {} mailed to {} member(s) of {}", t.reference(), sent, groupId);
        });
  }
}
