package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tickets entry point that the routes, the bot and the portal call: raising ({@link
 * TicketIntake}), reading with tenancy checked ({@link TicketQueries}) and notes on a ticket
 * ({@link TicketNotes}), each a service of its own; this class only hands each call to the one that
 * does it, so callers need one object. Blocking: the routes call it through {@code Blocking}; the
 * bot and the portal do the same. Status changes and assignment live in {@link TicketLifecycle}.
 */
public final class TicketService {
  private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

  private final TicketRepository repo;
  private final TicketIntake intake;
  private final TicketQueries queries;
  private final TicketNotes notes;
  private final TicketEvents events;

  public TicketService(
      TicketRepository repo,
      TicketIntake intake,
      TicketQueries queries,
      TicketNotes notes,
      TicketEvents events) {
    this.repo = repo;
    this.intake = intake;
    this.queries = queries;
    this.notes = notes;
    this.events = events;
  }

  public TicketRepository repository() {
    return repo;
  }

  public TicketEvents events() {
    return events;
  }

  /** See {@link TicketIntake#create}. */
  public CreateResult create(Principal actor, NewTicket n) {
    return intake.create(actor, n);
  }

  /** See {@link TicketQueries#get}. */
  public Ticket get(Principal p, String reference) {
    return queries.get(p, reference);
  }

  /** See {@link TicketQueries#mine}. */
  public Page<Ticket> mine(Principal p, boolean openOnly, int page, int size) {
    return queries.mine(p, openOnly, page, size);
  }

  /** See {@link TicketQueries#school}. */
  public Page<Ticket> school(Principal p, String schoolId, int page, int size) {
    return queries.school(p, schoolId, page, size);
  }

  /** See {@link TicketQueries#queue}. */
  public Page<TicketSummary> queue(Principal p, QueueQuery q) {
    return queries.queue(p, q);
  }

  /** See {@link TicketNotes#comment}. */
  public Document comment(
      Principal p, String reference, String text, boolean isPublic, Channel ch) {
    return notes.comment(p, reference, text, isPublic, ch);
  }

  /** See {@link TicketNotes#comments}. */
  public List<Document> comments(Principal p, String reference) {
    return notes.comments(p, reference);
  }

  /** See {@link TicketNotes#history}. */
  public List<Document> history(Principal p, String reference) {
    return notes.history(p, reference);
  }

  /** See {@link TicketNotes#attachTranscript}. */
  public Ticket attachTranscript(Principal p, String reference, String transcript, Channel ch) {
    return notes.attachTranscript(p, reference, transcript, ch);
  }

  /** See {@link TicketNotes#linkArticle}. */
  public Ticket linkArticle(Principal p, String reference, String articleId, Channel ch) {
    return notes.linkArticle(p, reference, articleId, ch);
  }

  static List<String> openWire() {
    return TicketStatus.OPEN.stream().map(TicketStatus::wire).toList();
  }

  static String normalise(String reference) {
    if (reference == null
        || !reference.trim().toUpperCase(java.util.Locale.ROOT).matches("(INC|REQ)-\\d{6,9}")) {
      throw ApiException.notFound("There is no ticket " + reference + " that you can see.");
    }
    return reference.trim().toUpperCase(java.util.Locale.ROOT);
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return optional(field, value, max);
  }

  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw ApiException.badRequest(
          field + " must be " + max + " characters or fewer (it has " + v.length() + ")");
    }
    return v;
  }

  static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > QueueQuery.MAX_SIZE) {
      throw ApiException.badRequest("page starts at 0 and size is 1 to " + QueueQuery.MAX_SIZE);
    }
  }

  /** Notifiers must never undo a stored change: their failures are logged, not thrown. */
  static void notify(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("A ticket notifier failed: {}", e.toString());
    }
  }
}
