package io.frontdesk.bot.commands;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Dialogue;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Scope;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.desk.fulfilment.FulfilmentKind;
import io.frontdesk.desk.fulfilment.Outcome;
import io.frontdesk.desk.fulfilment.StartRequest;
import io.frontdesk.desk.ticket.Channel;
import io.vertx.core.Future;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Password reset and account unlock through the desk's self-service fulfilment, in the 1:1 chat
 * only: a one-time code goes to the registered contact, the person types it here, and a temporary
 * password is shown once. Neither the code nor the password is ever stored: the transcript gets
 * placeholders, and the dialogue state holds only the flow id.
 */
public final class SelfService implements Dialogue {
  static final String KIND = "selfservice";
  private static final Pattern CANCEL =
      Pattern.compile("cancel|stop|never ?mind|forget it|quit", Pattern.CASE_INSENSITIVE);

  private final BotServices s;

  public SelfService(BotServices services) {
    this.s = services;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean sensitiveInput() {
    return true;
  }

  public List<BotCommand> commands() {
    return List.of(
        BotCommand.of(
            CommandSpec.of(
                    "reset my password",
                    "a new temporary password, after a code sent to your registered phone or email",
                    "(?:please )?(?:reset|change) my password(?: please)?|(?:i )?forgot my"
                        + " password|password reset|i need a new password",
                    "reset my password")
                .personal(),
            (turn, m) -> start(turn, FulfilmentKind.RESET)),
        BotCommand.of(
            CommandSpec.of(
                    "unlock my account",
                    "unlock your account, after a code sent to your registered phone or email",
                    "(?:please )?unlock (?:my account|me)(?: please)?|account unlock",
                    "unlock my account")
                .personal(),
            (turn, m) -> start(turn, FulfilmentKind.UNLOCK)));
  }

  private Future<List<Reply>> start(Turn turn, FulfilmentKind kind) {
    StartRequest req =
        new StartRequest(
            turn.principal().orElseThrow(), kind, Channel.TEAMS, turn.scope() == Scope.PERSONAL);
    return s.blocking()
        .call(
            () -> {
              Outcome o = s.fulfilment().start(req);
              if (o.status() == Outcome.Status.CODE_SENT) {
                s.state()
                    .dialogue(
                        turn.key(),
                        new Document("kind", KIND)
                            .append("flowId", o.flowId())
                            .append("what", kind.wire()));
                return List.of(
                    Reply.text(
                        o.message() + "\n\nType the code here when it arrives, or **cancel**."));
              }
              return List.of(Reply.text(o.message()));
            });
  }

  @Override
  public Future<List<Reply>> answer(Turn turn, String text) {
    String said = text == null ? "" : text.strip();
    return s.blocking()
        .call(
            () -> {
              Document d = s.state().get(turn.key()).get("dialogue", Document.class);
              if (CANCEL.matcher(said).matches()) {
                s.state().dialogue(turn.key(), null);
                return List.of(Reply.text("OK, I've stopped. Nothing was changed."));
              }
              String code = said.replaceAll("[\\s-]", "");
              if (!code.matches("\\d{4,10}")) {
                return List.of(
                    Reply.text(
                        "That doesn't look like the code. Type the digits from the message we"
                            + " sent, or **cancel**."));
              }
              Outcome o =
                  s.fulfilment()
                      .verify(turn.principal().orElseThrow(), d.getString("flowId"), code);
              if (o.status() == Outcome.Status.WRONG_CODE) {
                if (o.flowId() != null) {
                  s.state().dialogue(turn.key(), d.append("flowId", o.flowId()));
                }
                return List.of(Reply.text(o.message()));
              }
              s.state().dialogue(turn.key(), null);
              if (o.temporaryPassword() != null) {
                return List.of(
                    Reply.secret(
                        o.message()
                            + "\n\nYour temporary password: **"
                            + o.temporaryPassword()
                            + "**\n\nI won't show it again, and it isn't saved anywhere."));
              }
              return List.of(Reply.text(o.message()));
            });
  }
}
