package io.frontdesk.bot.commands;

import io.frontdesk.bot.conversation.Scope;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a command declares about itself. The registry uses it for dispatch (the pattern, who may run
 * it, where) and for the help text and the Teams manifest's command list (name, summary, examples).
 *
 * @param pattern matched against the whole normalised message (lower case, no trailing punctuation)
 * @param roles who may run it; empty means any signed-in desk user (or anyone, if {@code needsUser}
 *     is false)
 * @param needsUser the sender must be a known desk user (mapped from their Azure AD object id)
 * @param personalOnly only in the 1:1 chat, because the reply is private
 */
public record CommandSpec(
    String name,
    String summary,
    List<String> examples,
    Pattern pattern,
    Set<Role> roles,
    boolean needsUser,
    boolean personalOnly) {

  public CommandSpec {
    examples = List.copyOf(examples);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A command for any known user, in any chat. */
  public static CommandSpec of(String name, String summary, String regex, String... examples) {
    return new CommandSpec(
        name,
        summary,
        List.of(examples),
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
        Set.of(),
        true,
        false);
  }

  public CommandSpec anyone() {
    return new CommandSpec(name, summary, examples, pattern, roles, false, personalOnly);
  }

  public CommandSpec personal() {
    return new CommandSpec(name, summary, examples, pattern, roles, needsUser, true);
  }

  public CommandSpec roles(Role... allowed) {
    return new CommandSpec(
        name, summary, examples, pattern, Set.of(allowed), needsUser, personalOnly);
  }

  /** Null when the sender may run it here; otherwise the reason to tell them. */
  public String refusal(Turn turn) {
    if (personalOnly && turn.scope() != Scope.PERSONAL) {
      return "I can only do \"" + name + "\" in our 1:1 chat. Message me directly.";
    }
    if ((needsUser || !roles.isEmpty()) && turn.user().isEmpty()) {
      return "I don't know who you are on the service desk yet, so I can't do \""
          + name
          + "\". Ask the service desk to link your Teams account.";
    }
    if (!roles.isEmpty() && turn.principal().map(p -> roles.stream().noneMatch(p::has)).get()) {
      return "You don't have permission to do \"" + name + "\".";
    }
    return null;
  }

  /** Whether the help text should list it for this sender here. */
  public boolean visibleTo(Turn turn) {
    return refusal(turn) == null || (personalOnly && turn.user().isPresent() && rolesOk(turn));
  }

  private boolean rolesOk(Turn turn) {
    return roles.isEmpty() || turn.principal().map(p -> roles.stream().anyMatch(p::has)).get();
  }
}
