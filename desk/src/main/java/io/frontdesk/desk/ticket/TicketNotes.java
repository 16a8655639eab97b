package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskOptions;
import io.frontdesk.desk.sla.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What is added to a ticket after it is raised, other than status changes: comments and internal
 * notes, the bot's transcript and linked articles, each with its audit event; and reading the
 * comments and the audit trail back. Blocking.
 */
public final class TicketNotes {
  private final TicketRepository repo;
  private final TicketQueries queries;
  private final SlaClock sla;
  private final TicketEvents events;
  private final DeskOptions options;
  private final Clock clock;

  public TicketNotes(
      TicketRepository repo,
      TicketQueries queries,
      SlaClock sla,
      TicketEvents events,
      DeskOptions options,
      Clock clock) {
    this.repo = repo;
    this.queries = queries;
    this.sla = sla;
    this.events = events;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Adds a comment. Requesters may only add public comments; agents choose. An agent's public
   * comment is the first response for the SLA and reaches the requester. A requester's comment on a
   * ticket pending on them moves it back to in progress.
   */
  public Document comment(
      Principal p, String reference, String text, boolean isPublic, Channel ch) {
    Ticket t = queries.get(p, reference);
    String body = TicketService.required("text", text, options.maxComment());
    boolean agent = TicketAccess.isAgent(p);
    if (!isPublic && !agent) {
      throw ApiException.forbidden("Only agents can add internal notes.");
    }
    if (t.status() == TicketStatus.CLOSED) {
      throw ApiException.conflict(
          "Ticket " + t.reference() + " is closed; raise a new ticket instead.");
    }
    Instant now = clock.instant();
    Document c = insertComment(t, p, TextGuard.scrub(body), isPublic, ch, now);
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set("updatedAt", Date.from(now)));
    if (agent && isPublic && t.sla() != null && t.sla().getDate("respondedAt") == null) {
      updates.add(Updates.set("sla", sla.responded(t.sla(), now)));
    }
    repo.updateIf(t.reference(), null, Updates.combine(updates));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        isPublic ? "comment" : "internal-note",
        new Document("commentId", c.getString("_id")),
        now);
    if (agent && isPublic) {
      TicketService.notify(() -> events.publicComment(t, p.displayName(), c.getString("text")));
    }
    return c;
  }

  /** Stores a comment as given (already checked and scrubbed). */
  Document insertComment(
      Ticket t, Principal p, String text, boolean isPublic, Channel ch, Instant now) {
    Document c =
        new Document("_id", UUID.randomUUID().toString())
            .append("ticketId", t.reference())
            .append("schoolId", t.schoolId().orElse(null))
            .append("authorId", p.id())
            .append("authorName", p.displayName())
            .append("agent", TicketAccess.isAgent(p))
            .append("public", isPublic)
            .append("channel", ch.wire())
            .append("text", text)
            .append("at", Date.from(now));
    repo.comment(c);
    return c;
  }

  /** Comments the principal may read: requesters see public ones only. */
  public List<Document> comments(Principal p, String reference) {
    Ticket t = queries.get(p, reference);
    return repo.comments(t.reference(), TicketAccess.isAgent(p));
  }

  /** The audit trail; agents only (it holds internal detail). */
  public List<Document> history(Principal p, String reference) {
    Ticket t = queries.get(p, reference);
    TicketAccess.requireAgent(p);
    return repo.events(t.reference());
  }

  /** Stores (replaces) the bot's chat transcript on a ticket, scrubbed of secrets. */
  public Ticket attachTranscript(Principal p, String reference, String transcript, Channel ch) {
    Ticket t = queries.get(p, reference);
    if (transcript == null || transcript.length() > options.maxTranscript()) {
      throw ApiException.badRequest(
          "transcript is required and must be " + options.maxTranscript() + " characters or fewer");
    }
    Instant now = clock.instant();
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.set("transcript", TextGuard.scrub(transcript)),
            Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "transcript",
        new Document("length", transcript.length()),
        now);
    return queries.get(p, reference);
  }

  /** Links a knowledge article (by id) to the ticket; agents only. */
  public Ticket linkArticle(Principal p, String reference, String articleId, Channel ch) {
    Ticket t = queries.get(p, reference);
    TicketAccess.requireAgent(p);
    if (articleId == null || !articleId.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw ApiException.badRequest("articleId must be a kebab-case article id");
    }
    Instant now = clock.instant();
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.addToSet("linkedArticles", articleId),
            Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        ch,
        "article-linked",
        new Document("articleId", articleId),
        now);
    return queries.get(p, reference);
  }
}
