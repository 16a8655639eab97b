package io.frontdesk.knowledge.search;

import java.util.Optional;

/**
 * A question from a reader.
 *
 * @param audience staff or schools (the reader's, never "all")
 * @param channel where it was asked: "bot", "portal", "api", "cli"
 * @param snippets mark the matches in each hit's snippet (a results page); false gives each hit its
 *     lead instead, for callers that show no snippets (the bot)
 */
public record SearchRequest(
    String query,
    String audience,
    int limit,
    Optional<String> userId,
    String channel,
    boolean snippets) {

  /** With snippets. */
  public SearchRequest(
      String query, String audience, int limit, Optional<String> userId, String channel) {
    this(query, audience, limit, userId, channel, true);
  }
}
