package io.frontdesk.bot.conversation;

import io.frontdesk.bot.commands.ApprovalCommands;
import io.frontdesk.bot.commands.TicketCommands;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketStatus;
import java.util.List;

/**
 * The desk's events as Teams messages to the people concerned: status changes and agent comments to
 * the requester, approval requests to approvers, decisions and major-incident notices to
 * requesters, and the satisfaction survey on resolution.
 */
public final class Notifications implements TicketEvents {
  private final Outbox outbox;
  private final String baseUrl;

  public Notifications(Outbox outbox, String baseUrl) {
    this.outbox = outbox;
    this.baseUrl = baseUrl;
  }

  private void toRequester(Ticket t, String text) {
    outbox.send(t.requester().userId(), List.of(Reply.text(text)));
  }

  private String link(Ticket t) {
    return "[" + t.reference() + "](" + baseUrl + "/tickets/" + t.reference() + ")";
  }

  @Override
  public void statusChanged(Ticket t, TicketStatus from, TicketStatus to, String note) {
    if (to == TicketStatus.CLOSED) {
      return;
    }
    String now = to.wire().replace('_', ' ');
    toRequester(
        t,
        "Update on "
            + link(t)
            + " ("
            + Cards.plain(t.title())
            + "): it is now **"
            + now
            + "**."
            + (note == null || note.isBlank() ? "" : "\n\n" + Cards.plain(note)));
  }

  @Override
  public void publicComment(Ticket t, String authorName, String text) {
    toRequester(
        t,
        Cards.plain(authorName)
            + " replied on "
            + link(t)
            + ":\n\n"
            + Cards.plain(text)
            + "\n\nReply with **comment "
            + t.reference()
            + " your message**.");
  }

  @Override
  public void majorIncidentNotice(Ticket child, Ticket parent) {
    toRequester(
        child,
        "We know about this: "
            + Cards.plain(parent.title())
            + " is a major incident ("
            + parent.reference()
            + ") and people are working on it. Your report "
            + link(child)
            + " is linked to it, so you'll hear when it's fixed.");
  }

  @Override
  public void approvalRequested(Ticket t, String approvalId, List<String> approverIds) {
    for (String approver : approverIds) {
      outbox.send(approver, List.of(ApprovalCommands.card(t, approvalId)));
    }
  }

  @Override
  public void approvalDecided(Ticket t, boolean approved, String comment) {
    toRequester(
        t,
        "Your request "
            + link(t)
            + " was **"
            + (approved ? "approved" : "rejected")
            + "**."
            + (comment == null || comment.isBlank() ? "" : "\n\n" + Cards.plain(comment)));
  }

  @Override
  public void csatSurvey(Ticket t) {
    outbox.send(t.requester().userId(), List.of(TicketCommands.survey(t)));
  }
}
