package io.frontdesk.knowledge.search;

import java.util.Optional;

/**
 * A question from a reader.
 *
 * @param audience staff or schools (the reader's, never "all")
 * @param channel where it was asked: "bot", "portal", "api", "cli"
 */
public record SearchRequest(
    String query, String audience, int limit, Optional<String> userId, String channel) {}
