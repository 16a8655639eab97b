package io.frontdesk.bot.conversation;

/** Where a message was written: a 1:1 chat with the bot, a group chat, or a team channel. */
public enum Scope {
  PERSONAL,
  GROUP,
  CHANNEL;

  /** Teams' {@code conversation.conversationType}; anything unknown counts as personal. */
  public static Scope fromTeams(String conversationType) {
    if (conversationType == null) {
      return PERSONAL;
    }
    return switch (conversationType) {
      case "groupChat" -> GROUP;
      case "channel" -> CHANNEL;
      default -> PERSONAL;
    };
  }
}
