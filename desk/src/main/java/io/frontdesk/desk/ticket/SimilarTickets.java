package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.routing.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * "Similar tickets" for agents: open tickets on a desk whose words overlap a ticket's or a text's
 * (the same overlap coefficient as tell us once), to spot duplicates and the children of a major
 * incident. Served from the {@link WorkingSetIndex} when there is one; otherwise it scores the
 * desk's most recent {@value #FALLBACK_SCAN} open tickets from the store. Blocking.
 */
public final class SimilarTickets {
  static final int FALLBACK_SCAN = 2000;
  public static final int MAX_LIMIT = 50;
  private static final Set<String> DESKS = Set.of("staff", "schools");

  private final TicketService tickets;
  private final TicketRepository repo;
  private final double threshold;

  /**
   * @param threshold the overlap (0 to 1) a ticket needs to be listed
   */
  public SimilarTickets(TicketService tickets, double threshold) {
    this.tickets = tickets;
    this.repo = tickets.repository();
    this.threshold = threshold;
  }

  /** Open tickets like this one (on its desk), best first, never the ticket itself. */
  public List<Document> like(Principal p, String reference, int limit) {
    Ticket t = tickets.get(p, reference);
    TicketAccess.requireAgent(p);
    String text = t.title() + "\n" + (t.description() == null ? "" : t.description());
    return find(t.desk(), text, limit, t.reference());
  }

  /** Open tickets on a desk that resemble the text, best first. */
  public List<Document> like(Principal p, String desk, String text, int limit) {
    TicketAccess.requireAgent(p);
    if (desk == null || !DESKS.contains(desk)) {
      throw ApiException.badRequest("desk must be staff or schools");
    }
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw ApiException.badRequest("text is required (up to 2000 characters)");
    }
    return find(desk, text, limit, null);
  }

  private List<Document> find(String desk, String text, int limit, String exclude) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    List<WorkingSetIndex.Match> matches =
        repo.index()
            .flatMap(i -> i.similar(desk, text, threshold, limit + 1))
            .orElseGet(() -> scan(desk, text));
    List<WorkingSetIndex.Match> kept = new ArrayList<>();
    for (WorkingSetIndex.Match m : matches) {
      if (!m.reference().equals(exclude) && kept.size() < limit) {
        kept.add(m);
      }
    }
    // The working set holds each open ticket's row; without it, the rows are read from the store
    // (as is one that has just left the working set).
    java.util.Map<String, TicketSummary> rows = new java.util.HashMap<>();
    List<String> missing = new ArrayList<>();
    for (WorkingSetIndex.Match m : kept) {
      repo.index()
          .flatMap(i -> i.row(m.reference()))
          .ifPresentOrElse(r -> rows.put(r.reference(), r), () -> missing.add(m.reference()));
    }
    for (Ticket t : repo.byReferences(missing)) {
      rows.put(t.reference(), TicketSummary.of(t.document()));
    }
    List<Document> out = new ArrayList<>();
    for (WorkingSetIndex.Match m : kept) {
      TicketSummary t = rows.get(m.reference());
      if (t != null) {
        out.add(
            new Document("reference", t.reference())
                .append("title", t.title())
                .append("status", t.status())
                .append("groupId", t.groupId())
                .append("majorIncident", t.majorIncident())
                .append("createdAt", new java.util.Date(t.createdAt()))
                .append("score", Math.round(m.score() * 100) / 100.0));
      }
    }
    return out;
  }

  private List<WorkingSetIndex.Match> scan(String desk, String text) {
    List<WorkingSetIndex.Match> out = new ArrayList<>();
    for (Ticket t :
        repo.find(
            Filters.and(Filters.eq("desk", desk), Filters.in("status", TicketService.openWire())),
            Sorts.descending("createdAt"),
            0,
            FALLBACK_SCAN)) {
      double s =
          Words.similarity(
              text, t.title() + "\n" + (t.description() == null ? "" : t.description()));
      if (s >= threshold) {
        out.add(new WorkingSetIndex.Match(t.reference(), s));
      }
    }
    out.sort(Comparator.comparingDouble(WorkingSetIndex.Match::score).reversed());
    return out;
  }
}
