package io.frontdesk.bot.commands;

import static io.frontdesk.bot.conversation.Cards.action;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * A guided incident: what is wrong, how many people it affects and how much it stops work (plain
 * words mapped to impact and urgency), then confirm. Pre-filled from the conversation (the last
 * question asked), so nobody says it twice; the ticket carries the transcript. Also "talk to a
 * person", which opens a ticket straight away.
 */
public final class IncidentDialogue implements io.frontdesk.bot.conversation.Dialogue {
  static final String KIND = "incident";
  private static final int MAX_TITLE = 120;
  private static final Pattern CANCEL =
      Pattern.compile("cancel|stop|never ?mind|forget it|no thanks|quit", Pattern.CASE_INSENSITIVE);

  private final BotServices s;

  public IncidentDialogue(BotServices services) {
    this.s = services;
  }

  public BotCommand report() {
    return new BotCommand() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "report a problem",
            "raise an incident; I'll ask who is affected and how urgent it is",
            "(?:please )?(?:raise|log|open|report|create)(?: an?| my)?"
                + " (?:ticket|incident|problem|issue|fault|call)(?:\\s*[:,-]?\\s*(?:about |for"
                + " |with |that )?(.+))?|something(?:'s| is) (?:broken|wrong|not working)",
            "report a problem: outlook keeps crashing");
      }

      @Override
      public Future<List<Reply>> run(Turn turn, Matcher m) {
        String inline = m.groupCount() >= 1 && m.group(1) != null ? turn.text() : null;
        if (inline != null) {
          // Keep the user's own casing: take the text after the command words.
          int cut = Math.max(0, turn.text().length() - m.group(1).length());
          inline = turn.text().substring(cut).strip();
        }
        return start(turn, inline);
      }
    };
  }

  public BotCommand person() {
    return new BotCommand() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "talk to a person",
            "hand the conversation to the service desk as a ticket",
            "(?:i want to |can i |let me |please )?(?:talk|speak|chat) to (?:a |an )?"
                + "(?:person|human|agent|someone|somebody)(?: please)?|human|agent",
            "talk to a person");
      }

      @Override
      public Future<List<Reply>> run(Turn turn, Matcher m) {
        return escalate(turn);
      }
    };
  }

  public List<CardAction> actions() {
    return List.of(
        CardAction.of("incident.start", (t, d) -> start(t, null)),
        CardAction.of("incident.step", (t, d) -> answer(t, d.getString("answer", ""))),
        CardAction.of("escalate", (t, d) -> escalate(t)));
  }

  @Override
  public String kind() {
    return KIND;
  }

  Future<List<Reply>> start(Turn turn, String inline) {
    return s.blocking()
        .call(
            () -> {
              Document ctx = s.state().get(turn.key());
              String title =
                  inline != null && !inline.isBlank() ? inline : ctx.getString("lastQuestion");
              String service = ctx.getString("lastService");
              Document d =
                  new Document("kind", KIND)
                      .append("title", title)
                      .append("service", service)
                      .append("step", title == null ? "what" : "who");
              s.state().dialogue(turn.key(), d);
              return d;
            })
        .map(this::ask);
  }

  /** The next answer of an active dialogue (typed, or a button). */
  @Override
  public Future<List<Reply>> answer(Turn turn, String text) {
    String said = text == null ? "" : text.strip();
    return s.blocking()
        .call(() -> s.state().get(turn.key()).get("dialogue", Document.class))
        .compose(
            d -> {
              if (d == null || !KIND.equals(d.getString("kind"))) {
                return Future.succeededFuture(
                    List.of(
                        Reply.text(
                            "There's nothing in progress. Type **report a problem** to start.")));
              }
              if (CANCEL.matcher(said).matches()) {
                return end(turn).map(v -> List.of(Reply.text("OK, I've cancelled that ticket.")));
              }
              String step = d.getString("step");
              switch (step) {
                case "what" -> {
                  if (said.length() < 3) {
                    return Future.succeededFuture(ask(d));
                  }
                  d.append("title", said).append("step", "who");
                }
                case "who" -> {
                  Integer impact = impact(said);
                  if (impact == null) {
                    return Future.succeededFuture(ask(d));
                  }
                  d.append("impact", impact).append("step", "urgency");
                }
                case "urgency" -> {
                  Integer urgency = urgency(said);
                  if (urgency == null) {
                    return Future.succeededFuture(ask(d));
                  }
                  d.append("urgency", urgency).append("step", "confirm");
                }
                default -> {
                  String yes = said.toLowerCase(Locale.ROOT);
                  if (yes.matches("y|yes|yes please|ok|okay|raise it|confirm|go ahead|do it")) {
                    return end(turn).compose(v -> create(turn, d));
                  }
                  return Future.succeededFuture(ask(d));
                }
              }
              return s.blocking().run(() -> s.state().dialogue(turn.key(), d)).map(v -> ask(d));
            });
  }

  private Future<Void> end(Turn turn) {
    return s.blocking().run(() -> s.state().dialogue(turn.key(), null));
  }

  private List<Reply> ask(Document d) {
    return switch (d.getString("step")) {
      case "what" -> List.of(Reply.text("What's wrong? Tell me in a sentence."));
      case "who" ->
          List.of(
              choice(
                  "How many people does this affect?",
                  List.of("Just me", "My team or a few people", "Many people or a whole site")));
      case "urgency" ->
          List.of(
              choice(
                  "How much is it stopping work?",
                  List.of("It can wait", "It's slowing me down", "I can't work at all")));
      default ->
          List.of(
              Reply.card(
                  "Shall I raise this ticket?",
                  Cards.card(
                      List.of(
                          Cards.title("Shall I raise this ticket?"),
                          Cards.facts(
                              List.of(
                                  new String[] {"Problem", Cards.plain(d.getString("title"))},
                                  new String[] {
                                    "Affects", IMPACT_WORDS[d.getInteger("impact") - 1]
                                  },
                                  new String[] {
                                    "Urgency", URGENCY_WORDS[d.getInteger("urgency") - 1]
                                  }))),
                      List.of(
                          Cards.submit("Raise it", action("incident.step").put("answer", "yes")),
                          Cards.submit(
                              "Cancel", action("incident.step").put("answer", "cancel"))))));
    };
  }

  private static final String[] IMPACT_WORDS = {
    "Many people or a whole site", "My team or a few people", "Just me"
  };
  private static final String[] URGENCY_WORDS = {
    "I can't work at all", "It's slowing me down", "It can wait"
  };

  private static Reply choice(String question, List<String> answers) {
    return Reply.card(
        question + " (" + String.join(" / ", answers) + ")",
        Cards.card(
            List.of(Cards.text(question)),
            answers.stream()
                .map(a -> Cards.submit(a, action("incident.step").put("answer", a)))
                .toList()));
  }

  /** Plain words to ITIL impact: 1 many people, 2 a team, 3 one person. */
  static Integer impact(String said) {
    String t = said.toLowerCase(Locale.ROOT);
    if (t.matches(
        ".*\\b(many|everyone|everybody|whole|all of us|department|site|building|lots)\\b.*")) {
      return 1;
    }
    if (t.matches(".*\\b(team|few|several|colleagues|some of us|others)\\b.*")) {
      return 2;
    }
    if (t.matches(".*\\b(just me|only me|me|myself|one person)\\b.*")) {
      return 3;
    }
    return null;
  }

  /** Plain words to ITIL urgency: 1 cannot work, 2 slowed down, 3 can wait. */
  static Integer urgency(String said) {
    String t = said.toLowerCase(Locale.ROOT).replace("’", "'");
    if (t.matches(
        ".*\\b(can't work|cannot work|can not work|stopped|blocked|urgent|asap|critical|emergency)\\b.*")) {
      return 1;
    }
    if (t.matches(".*\\b(slow|slowing|workaround|soon|annoying|today)\\b.*")) {
      return 2;
    }
    if (t.matches(".*\\b(wait|no rush|whenever|not urgent|low)\\b.*")) {
      return 3;
    }
    return null;
  }

  private Future<List<Reply>> create(Turn turn, Document d) {
    Principal p = turn.principal().orElseThrow();
    String title = d.getString("title");
    return raise(
        turn,
        p,
        title,
        d.getString("service"),
        d.getInteger("impact", 3),
        d.getInteger("urgency", 3));
  }

  /** "Talk to a person": a ticket at once, with what the bot already knows. */
  Future<List<Reply>> escalate(Turn turn) {
    if (turn.principal().isEmpty()) {
      return Future.succeededFuture(
          List.of(
              Reply.text(
                  "I don't know who you are on the service desk yet, so I can't open a ticket."
                      + " Please call the service desk.")));
    }
    return s.blocking()
        .call(() -> s.state().get(turn.key()))
        .compose(
            ctx -> {
              String q = ctx.getString("lastQuestion");
              String title = q == null ? "Asked to talk to a person" : q;
              return raise(turn, turn.principal().get(), title, ctx.getString("lastService"), 3, 2);
            });
  }

  private Future<List<Reply>> raise(
      Turn turn, Principal p, String said, String service, int impact, int urgency) {
    String title = said.length() <= MAX_TITLE ? said : said.substring(0, MAX_TITLE - 1) + "…";
    String svc =
        service != null && s.catalogue().hasService(service)
            ? service
            : p.isSchoolUser() ? s.options().schoolService() : s.options().staffService();
    return s.blocking()
        .call(
            () -> {
              String transcript = s.state().transcriptText(turn.key());
              NewTicket n =
                  NewTicket.incident(Channel.TEAMS, svc, title, said)
                      .withImpactUrgency(impact, urgency)
                      .withTranscript(transcript.isEmpty() ? null : transcript);
              return s.tickets().create(p, n);
            })
        .map(r -> List.of(Reply.text(outcome(r))));
  }

  static String outcome(CreateResult r) {
    Ticket t = r.ticket();
    if (r.linkedToExisting()) {
      return "You've already told us about this, so I've added it to **"
          + t.reference()
          + "** (\""
          + Cards.plain(t.title())
          + "\") instead of raising it twice.";
    }
    if (r.majorIncident() != null) {
      return "This is a known problem: **"
          + r.majorIncident().reference()
          + "** (\""
          + Cards.plain(r.majorIncident().title())
          + "\"). I've logged your report as **"
          + t.reference()
          + "** against it, and I'll tell you here when it's fixed.";
    }
    return "I've raised **"
        + t.reference()
        + "**: "
        + Cards.plain(t.title())
        + " (priority "
        + t.priority()
        + "). I'll message you here when it changes. Type **status "
        + t.reference()
        + "** any time.";
  }
}
