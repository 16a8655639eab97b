package io.frontdesk.bot.commands;

import static io.frontdesk.bot.conversation.Cards.action;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.Ticket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tracking: "my tickets", "status INC-000123", comments and the satisfaction survey. */
public final class TicketCommands {
  static final String REF = "((?:inc|req|prb)-?\\d{1,9})";

  private final BotServices s;

  public TicketCommands(BotServices services) {
    this.s = services;
  }

  public List<BotCommand> commands() {
    return List.of(mine(), status(), comment(), rate());
  }

  public List<CardAction> actions() {
    return List.of(CardAction.of("csat.rate", this::rateAction));
  }

  static String ref(String raw) {
    String r = raw.toUpperCase(Locale.ROOT);
    if (!r.contains("-")) {
      r = r.substring(0, 3) + "-" + r.substring(3);
    }
    String[] parts = r.split("-");
    return parts[0] + "-" + "0".repeat(Math.max(0, 6 - parts[1].length())) + parts[1];
  }

  private BotCommand mine() {
    return BotCommand.of(
        CommandSpec.of(
                "my tickets",
                "your open tickets and where they are",
                "(?:show |list )?(?:my|all my) (?:open )?(?:tickets|incidents|requests|calls)",
                "my tickets")
            .personal(),
        (turn, m) ->
            s.blocking()
                .call(() -> s.tickets().mine(turn.principal().get(), true, 0, 10))
                .map(TicketCommands::list));
  }

  private static List<Reply> list(Page<Ticket> page) {
    if (page.items().isEmpty()) {
      return List.of(Reply.text("You have no open tickets."));
    }
    StringBuilder b = new StringBuilder("Your open tickets:\n\n");
    for (Ticket t : page.items()) {
      b.append("- **")
          .append(t.reference())
          .append("** ")
          .append(Cards.plain(t.title()))
          .append(": ")
          .append(t.status().wire().replace('_', ' '))
          .append('\n');
    }
    if (page.total() > page.items().size()) {
      b.append("\n…and ").append(page.total() - page.items().size()).append(" more in the portal.");
    }
    return List.of(Reply.text(b.toString().strip()));
  }

  private BotCommand status() {
    return BotCommand.of(
        CommandSpec.of(
            "status",
            "where a ticket is",
            "(?:status|where is|what's happening with|update on)(?: of)? " + REF,
            "status INC-000123"),
        (turn, m) ->
            s.blocking()
                .call(() -> s.tickets().get(turn.principal().get(), ref(m.group(1))))
                .map(t -> List.of(Reply.text(describe(t)))));
  }

  static String describe(Ticket t) {
    String status = t.status().wire().replace('_', ' ');
    return "**"
        + t.reference()
        + "** "
        + Cards.plain(t.title())
        + "\n\nStatus: "
        + status
        + ". Priority "
        + t.priority()
        + (t.groupId() == null ? "" : ", with " + t.groupId())
        + ".";
  }

  private BotCommand comment() {
    return BotCommand.of(
        CommandSpec.of(
            "comment",
            "add a comment to your ticket",
            "(?:comment|add a comment|note|reply)(?: on| to)? " + REF + "\\s*[:,-]?\\s+(.+)",
            "comment INC-000123 it happens every morning"),
        (turn, m) -> {
          String reference = ref(m.group(1));
          // The comment keeps the user's casing: cut it from the original text.
          String text = turn.text().substring(turn.text().length() - m.group(2).length()).strip();
          return s.blocking()
              .call(
                  () ->
                      s.tickets()
                          .comment(turn.principal().get(), reference, text, true, Channel.TEAMS))
              .map(c -> List.of(Reply.text("Added your comment to **" + reference + "**.")));
        });
  }

  private BotCommand rate() {
    return BotCommand.of(
        CommandSpec.of(
            "rate",
            "tell us how we did on a resolved ticket, 1 (poor) to 5 (great)",
            "(?:rate|score) " + REF + "\\s*[:,-]?\\s*([1-5])(?:\\s*(?:/|out of)\\s*5)?",
            "rate INC-000123 5"),
        (turn, m) -> rate(turn, ref(m.group(1)), Integer.parseInt(m.group(2))));
  }

  private Future<List<Reply>> rateAction(Turn turn, JsonObject data) {
    String reference = data.getString("reference");
    Object rating = data.getValue("rating");
    if (reference == null || !reference.matches("[A-Z]{3}-\\d{6,9}")) {
      throw ApiException.badRequest("reference is required");
    }
    int r;
    try {
      r = Integer.parseInt(String.valueOf(rating));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("rating must be a whole number from 1 to 5");
    }
    return rate(turn, reference, r);
  }

  private Future<List<Reply>> rate(Turn turn, String reference, int rating) {
    return s.blocking()
        .call(() -> s.csat().rate(turn.principal().get(), reference, rating, null, Channel.TEAMS))
        .map(d -> List.of(Reply.text("Thank you for rating **" + reference + "**.")));
  }

  /** The survey sent when a ticket is resolved. */
  public static Reply survey(Ticket t) {
    List<JsonObject> buttons = new ArrayList<>();
    String[] labels = {"1 Poor", "2", "3", "4", "5 Great"};
    for (int i = 1; i <= 5; i++) {
      buttons.add(
          Cards.submit(
              labels[i - 1], action("csat.rate").put("reference", t.reference()).put("rating", i)));
    }
    return Reply.card(
        t.reference() + " is resolved. How did we do?",
        Cards.card(
            List.of(
                Cards.title(t.reference() + " is resolved"),
                Cards.text(Cards.plain(t.title())),
                Cards.text("How did we do?")),
            buttons));
  }
}
