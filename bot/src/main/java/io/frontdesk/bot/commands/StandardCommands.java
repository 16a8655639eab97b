package io.frontdesk.bot.commands;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Dialogue;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's command set: every command and card action, in matching (and help) order, over the
 * given services. Like the bundled catalogue, it is data more than wiring, so deploy and the tests
 * share it.
 */
public record StandardCommands(CommandRegistry registry, List<Dialogue> dialogues) {

  public static StandardCommands of(BotServices s) {
    KnowledgeAnswers answers = new KnowledgeAnswers(s);
    IncidentDialogue incidents = new IncidentDialogue(s);
    TicketCommands tickets = new TicketCommands(s);
    ApprovalCommands approvals = new ApprovalCommands(s);
    CatalogueForms catalogue = new CatalogueForms(s);
    SelfService selfService = new SelfService(s);
    List<BotCommand> commands = new ArrayList<>(tickets.commands());
    commands.addAll(selfService.commands());
    commands.add(approvals.pending());
    commands.add(incidents.report());
    commands.add(incidents.person());
    commands.add(catalogue.list());
    List<CardAction> actions = new ArrayList<>();
    actions.add(answers.feedback());
    actions.add(answers.show());
    actions.add(answers.none());
    actions.addAll(incidents.actions());
    actions.addAll(tickets.actions());
    actions.add(approvals.decide());
    actions.addAll(catalogue.actions());
    return new StandardCommands(
        new CommandRegistry(commands, actions, answers::answer), List.of(incidents, selfService));
  }
}
