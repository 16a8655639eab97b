package io.frontdesk.knowledge.article;

import io.frontdesk.knowledge.Audience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an article as readers or curators see it.
 *
 * @param body the CommonMark source
 * @param bodyHtml rendered and sanitised through the allowlist: safe to put in a page or a card
 * @param bodyText plain text, for cards and speech
 * @param status the article's state; for a pending edit of a published article this is the draft's
 *     state (DRAFT or IN_REVIEW) while the published version stays live
 * @param version the content version number this view shows
 * @param pendingAuthor the last person to save the pending draft
 * @param pendingContributors everyone who created or edited the pending draft since the last
 *     published version (none may approve it); empty without a pending draft
 */
public record Article(
    String id,
    String title,
    String body,
    String bodyHtml,
    String bodyText,
    List<String> tags,
    String service,
    Audience audience,
    ArticleStatus status,
    String owner,
    Optional<LocalDate> reviewBy,
    Instant createdAt,
    Instant updatedAt,
    long views,
    long helpful,
    long notHelpful,
    int version,
    Optional<String> pendingAuthor,
    List<String> pendingContributors) {

  /**
   * True if this person created or edited the pending draft, so four eyes bar them approving it.
   */
  public boolean wrotePendingDraft(String who) {
    return pendingContributors.contains(who);
  }
}
