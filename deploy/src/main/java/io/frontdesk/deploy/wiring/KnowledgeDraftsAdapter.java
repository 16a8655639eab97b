package io.frontdesk.deploy.wiring;

import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.problem.KnowledgeDrafts;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Desk to knowledge: a known error with a workaround becomes a draft article, owned by a system
 * curator, for the Digital Champions to review and publish. It is never published directly.
 */
public final class KnowledgeDraftsAdapter implements KnowledgeDrafts {
  /** Problem management, acting as a curator; its drafts still need a Champion's approval. */
  static final Principal PROBLEM_MANAGEMENT =
      new Principal(
          "system-problem-management",
          "Problem management",
          "",
          Set.of(Role.CHAMPION),
          Optional.empty());

  private final ArticleService articles;

  public KnowledgeDraftsAdapter(ArticleService articles) {
    this.articles = articles;
  }

  /** Called on a worker thread by the desk; waits for the knowledge module's own worker. */
  @Override
  public String draft(
      String title, String markdownBody, String service, String audience, String sourceProblemId) {
    String id = slug(title) + "-" + UUID.randomUUID().toString().substring(0, 6);
    ArticleInput input =
        new ArticleInput(
            id,
            title,
            markdownBody,
            List.of("known error", sourceProblemId.toLowerCase(Locale.ROOT)),
            service,
            Audience.parseArticle(audience),
            Optional.empty());
    try {
      return articles
          .createDraft(PROBLEM_MANAGEMENT, input)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS)
          .id();
    } catch (Exception e) {
      throw new IllegalStateException("could not create the knowledge draft: " + e.getMessage(), e);
    }
  }

  static String slug(String title) {
    String s =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return s.isEmpty() ? "known-error" : s;
  }
}
