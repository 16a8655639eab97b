package io.frontdesk.bot.conversation;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.people.User;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.bson.Document;

/**
 * One thing a person said or clicked, as the conversation logic sees it (no Bot Framework types).
 *
 * @param activityId the channel's activity id (for idempotence); may be null
 * @param conversationId the chat, group or channel thread
 * @param fromId the channel's id of the sender (stable per user and bot)
 * @param text what was typed, with the bot's @mention removed; empty for card actions
 * @param value the data of a card button or form, or null
 * @param user the desk user, mapped from the sender's verified Azure AD object id
 * @param notes what this turn wants remembered about the conversation (last question, article);
 *     written with the transcript in one update at the end of the turn
 */
public record Turn(
    String activityId,
    String conversationId,
    Scope scope,
    String fromId,
    String displayName,
    String text,
    JsonObject value,
    Optional<User> user,
    Document notes) {

  public Turn {
    text = text == null ? "" : text.strip();
    notes = notes == null ? new Document() : notes;
  }

  public Turn(
      String activityId,
      String conversationId,
      Scope scope,
      String fromId,
      String displayName,
      String text,
      JsonObject value,
      Optional<User> user) {
    this(activityId, conversationId, scope, fromId, displayName, text, value, user, new Document());
  }

  public Optional<Principal> principal() {
    return user.map(User::principal);
  }

  /** The knowledge audience: school users read "schools", everyone else "staff". */
  public String audience() {
    return principal().map(Principal::audience).orElse("staff");
  }

  /** One person in one conversation: dialogue state and the transcript live under this key. */
  public String key() {
    return conversationId + "|" + fromId;
  }

  public Turn withText(String t) {
    return new Turn(activityId, conversationId, scope, fromId, displayName, t, null, user, notes);
  }
}
