package io.frontdesk.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Scope;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.people.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text in, reply out: dispatch, access and help all come from the commands' declared specs. */
class CommandRegistryTest {
  static final User STAFF = user("u1", EnumSet.of(Role.STAFF));
  static final User AGENT = user("u2", EnumSet.of(Role.STAFF, Role.AGENT));

  static User user(String id, EnumSet<Role> roles) {
    return new User(
        id,
        "Pat " + id,
        id + "@x.gov.uk",
        null,
        "aad-" + id,
        roles,
        null,
        null,
        false,
        false,
        List.of(),
        null);
  }

  static Turn turn(String text, Scope scope, User user) {
    return new Turn("a1", "c1", scope, "29:x", "Pat", text, null, Optional.ofNullable(user));
  }

  static String reply(CommandRegistry r, Turn t) {
    return r.dispatch(t).result().get(0).text();
  }

  final CommandRegistry registry =
      new CommandRegistry(
          List.of(
              BotCommand.of(
                  CommandSpec.of(
                      "status", "where a ticket is", "status (inc-\\d+)", "status INC-1"),
                  (t, m) -> done("status of " + m.group(1))),
              BotCommand.of(
                  CommandSpec.of("my tickets", "your tickets", "my tickets", "my tickets")
                      .personal(),
                  (t, m) -> done("your tickets")),
              BotCommand.of(
                  CommandSpec.of("queue", "the agents' queue", "queue", "queue").roles(Role.AGENT),
                  (t, m) -> done("the queue")),
              BotCommand.of(
                  CommandSpec.of("hello", "say hello", "hello|hi", "hello").anyone(),
                  (t, m) -> done("hello " + t.displayName()))),
          List.of(CardAction.of("press", (t, d) -> done("pressed " + d.getString("n")))),
          t -> done("searched: " + t.text()));

  static Future<List<Reply>> done(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }

  @Test
  void aMatchingCommandRunsWithItsCaptures() {
    assertThat(reply(registry, turn("Status INC-42?", Scope.PERSONAL, STAFF)))
        .isEqualTo("status of inc-42");
  }

  @Test
  void anythingElseIsAQuestion() {
    assertThat(reply(registry, turn("how do I map a drive", Scope.PERSONAL, STAFF)))
        .isEqualTo("searched: how do I map a drive");
    // A command word inside a sentence is not the command: patterns match the whole message.
    assertThat(reply(registry, turn("what does status mean", Scope.PERSONAL, STAFF)))
        .startsWith("searched:");
  }

  @Test
  void accessIsCheckedFromTheSpec() {
    assertThat(reply(registry, turn("my tickets", Scope.CHANNEL, STAFF))).contains("1:1 chat");
    assertThat(reply(registry, turn("my tickets", Scope.PERSONAL, STAFF)))
        .isEqualTo("your tickets");
    assertThat(reply(registry, turn("queue", Scope.PERSONAL, STAFF))).contains("permission");
    assertThat(reply(registry, turn("queue", Scope.PERSONAL, AGENT))).isEqualTo("the queue");
    assertThat(reply(registry, turn("status INC-1", Scope.PERSONAL, null)))
        .contains("don't know who you are");
    assertThat(reply(registry, turn("hi", Scope.GROUP, null))).isEqualTo("hello Pat");
  }

  @Test
  void helpListsWhatThisPersonMayRunHere() {
    String staffHelp = reply(registry, turn("help", Scope.PERSONAL, STAFF));
    assertThat(staffHelp).contains("**status**", "status INC-1", "**my tickets**", "**hello**");
    assertThat(staffHelp).doesNotContain("queue");
    assertThat(reply(registry, turn("help", Scope.PERSONAL, AGENT))).contains("**queue**");
    String anonymous = reply(registry, turn("help", Scope.PERSONAL, null));
    assertThat(anonymous).contains("**hello**").doesNotContain("**status**");
    assertThat(reply(registry, turn("help", Scope.CHANNEL, STAFF))).contains("(1:1 chat only)");
  }

  @Test
  void cardActionsDispatchOnTheirVerb() {
    Turn press =
        new Turn(
            "a2",
            "c1",
            Scope.PERSONAL,
            "29:x",
            "Pat",
            "",
            new JsonObject().put("action", "press").put("n", "7"),
            Optional.of(STAFF));
    assertThat(reply(registry, press)).isEqualTo("pressed 7");
    Turn stale =
        new Turn(
            "a3",
            "c1",
            Scope.PERSONAL,
            "29:x",
            "Pat",
            "",
            new JsonObject().put("action", "gone"),
            Optional.of(STAFF));
    assertThat(reply(registry, stale)).contains("no longer available");
  }

  @Test
  void helpIsRecordedInTheTranscriptAsAPlaceholder() {
    Reply help = registry.dispatch(turn("help", Scope.PERSONAL, STAFF)).result().get(0);
    assertThat(help.text()).contains("**status**");
    assertThat(help.transcriptLine()).isEqualTo("[help: the list of commands]");
  }
}
