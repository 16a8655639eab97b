package io.frontdesk.knowledge.index;

import io.frontdesk.knowledge.Audience;
import java.util.List;

/**
 * What the index holds of one published article: the searchable text and what a hit displays.
 *
 * @param body plain text (Markdown rendered and stripped), which the highlighter cuts snippets from
 * @param seq the store's change number of the write that produced this version
 */
public record IndexedArticle(
    String id,
    String title,
    List<String> tags,
    String body,
    String service,
    Audience audience,
    long seq) {
  public IndexedArticle {
    tags = List.copyOf(tags);
  }
}
