package io.frontdesk.knowledge.article;

/** Where an article is in its life. Only PUBLISHED articles are searchable. */
public enum ArticleStatus {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  ARCHIVED
}
