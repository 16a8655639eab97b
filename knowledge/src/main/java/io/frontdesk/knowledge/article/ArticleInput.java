package io.frontdesk.knowledge.article;

import io.frontdesk.knowledge.Audience;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The authored content of an article, as imported or submitted by a Champion. */
public record ArticleInput(
    String id,
    String title,
    String body,
    List<String> tags,
    String service,
    Audience audience,
    Optional<LocalDate> reviewBy) {
  public ArticleInput {
    tags = List.copyOf(tags);
  }
}
