package io.frontdesk.bot.commands;

import static io.frontdesk.bot.conversation.Cards.action;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Approve or reject requests waiting on you: a card per approval, from a command or a push. */
public final class ApprovalCommands {
  private final BotServices s;

  public ApprovalCommands(BotServices services) {
    this.s = services;
  }

  public BotCommand pending() {
    return BotCommand.of(
        CommandSpec.of(
                "approvals",
                "requests waiting for your approval",
                "(?:my |pending |show )?approvals?(?: waiting| pending)?(?: on me| for me)?",
                "approvals")
            .personal(),
        (turn, m) ->
            s.blocking()
                .call(() -> s.approvals().pendingFor(turn.principal().get()))
                .map(
                    list -> {
                      if (list.isEmpty()) {
                        return List.of(Reply.text("Nothing is waiting for your approval."));
                      }
                      List<Reply> out = new ArrayList<>();
                      for (Document a : list) {
                        out.add(card(a.getString("_id"), a.getString("ticketId"), summary(a)));
                      }
                      return out;
                    }));
  }

  private String summary(Document a) {
    String item =
        s.catalogue()
            .item(a.getString("itemId"))
            .map(i -> i.name())
            .orElse(String.valueOf(a.getString("itemId")));
    return item + ", requested by " + a.getString("requesterId");
  }

  public CardAction decide() {
    return CardAction.of(
        "approval.decide",
        (turn, data) -> {
          String id = data.getString("approvalId");
          if (id == null || id.isBlank()) {
            throw ApiException.badRequest("approvalId is required");
          }
          boolean approve = "approve".equals(data.getString("decision"));
          String comment = data.getString("comment", "");
          return s.blocking()
              .call(
                  () ->
                      s.approvals()
                          .decide(turn.principal().get(), id, approve, comment, Channel.TEAMS))
              .map(
                  d ->
                      List.of(
                          Reply.text(
                              (approve ? "Approved" : "Rejected")
                                  + " **"
                                  + d.getString("ticketId")
                                  + "**. I've told the requester.")));
        });
  }

  /** The approval card: who asked for what, a comment box, approve and reject. */
  public static Reply card(String approvalId, String reference, String what) {
    JsonObject comment =
        new JsonObject()
            .put("type", "Input.Text")
            .put("id", "comment")
            .put("label", "Comment (needed to reject)")
            .put("isMultiline", true)
            .put("maxLength", 2000);
    return Reply.card(
        "Approval needed: " + reference,
        Cards.card(
            List.of(
                Cards.title("Approval needed: " + reference),
                Cards.text(Cards.plain(what)),
                comment),
            List.of(
                Cards.execute(
                    "Approve",
                    action("approval.decide")
                        .put("approvalId", approvalId)
                        .put("decision", "approve")),
                Cards.execute(
                    "Reject",
                    action("approval.decide")
                        .put("approvalId", approvalId)
                        .put("decision", "reject")))));
  }

  public static Reply card(Ticket t, String approvalId) {
    return card(approvalId, t.reference(), t.title());
  }
}
