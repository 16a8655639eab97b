package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Reading tickets with tenancy checked: one ticket, a requester's own, a school's and an agent's
 * queue. Served from the working-set index where it can answer, else from the store. Blocking.
 */
public final class TicketQueries {
  private final TicketRepository repo;

  public TicketQueries(TicketRepository repo) {
    this.repo = repo;
  }

  /** A ticket the principal may see; 404 otherwise (never 403, so references cannot be probed). */
  public Ticket get(Principal p, String reference) {
    String ref = TicketService.normalise(reference);
    Ticket t = repo.byReference(ref).orElseThrow(() -> TicketAccess.notFound(ref));
    if (!TicketAccess.canSee(p, t)) {
      throw TicketAccess.notFound(ref);
    }
    return t;
  }

  /** Tickets the principal raised, newest first. */
  public Page<Ticket> mine(Principal p, boolean openOnly, int page, int size) {
    TicketService.checkPage(page, size);
    if (openOnly) {
      java.util.Optional<WorkingSetIndex.RefPage> indexed =
          repo.index().flatMap(i -> i.openOf(p.id(), page, size));
      if (indexed.isPresent()) {
        return new Page<>(
            repo.byReferences(indexed.get().refs()), page, size, indexed.get().total());
      }
    }
    Bson f = Filters.eq("requester.userId", p.id());
    if (openOnly) {
      f = Filters.and(f, Filters.in("status", TicketService.openWire()));
    }
    return page(f, Sorts.descending("createdAt"), page, size);
  }

  /** A school admin's view: every ticket of their school. */
  public Page<Ticket> school(Principal p, String schoolId, int page, int size) {
    TicketService.checkPage(page, size);
    boolean own = p.has(Role.SCHOOL_ADMIN) && p.schoolId().map(schoolId::equals).orElse(false);
    if (!own && !TicketAccess.isAgent(p)) {
      throw ApiException.notFound("There is no school " + schoolId + " whose tickets you can see.");
    }
    return page(Filters.eq("schoolId", schoolId), Sorts.descending("createdAt"), page, size);
  }

  /**
   * An agent's queue page, as rows: from the working-set index's decoded rows when there is one (no
   * store round trip), else from the store's indexes (see {@link
   * TicketRepository#createIndexes()}), reading only the fields a row holds.
   */
  public Page<TicketSummary> queue(Principal p, QueueQuery q) {
    TicketAccess.requireAgent(p);
    java.util.Optional<WorkingSetIndex.RowPage> indexed = repo.index().flatMap(i -> i.queue(q));
    if (indexed.isPresent()) {
      return new Page<>(indexed.get().rows(), q.page(), q.size(), indexed.get().total());
    }
    List<Bson> and = new ArrayList<>();
    and.add(Filters.eq("groupId", q.groupId()));
    if (q.assigneeId() != null) {
      and.add(Filters.eq("assigneeId", "none".equals(q.assigneeId()) ? null : q.assigneeId()));
    }
    List<String> st = q.statuses().stream().map(TicketStatus::wire).toList();
    and.add(st.size() == 1 ? Filters.eq("status", st.get(0)) : Filters.in("status", st));
    if (!q.priorities().isEmpty()) {
      and.add(
          q.priorities().size() == 1
              ? Filters.eq("priority", q.priorities().get(0))
              : Filters.in("priority", q.priorities()));
    }
    if (q.slaState() != null) {
      and.add(Filters.eq("sla.state", q.slaState()));
    }
    Bson sort =
        switch (q.sort()) {
          case "due" -> Sorts.ascending("sla.resolutionDue");
          case "created" -> Sorts.descending("createdAt");
          case "oldest" -> Sorts.ascending("createdAt");
          default -> Sorts.orderBy(Sorts.ascending("priority"), Sorts.descending("createdAt"));
        };
    Bson f = Filters.and(and);
    List<TicketSummary> items = repo.summaries(f, sort, q.page() * q.size(), q.size());
    long total = items.size() < q.size() && q.page() == 0 ? items.size() : repo.count(f);
    return new Page<>(items, q.page(), q.size(), total);
  }

  private Page<Ticket> page(Bson f, Bson sort, int page, int size) {
    List<Ticket> items = repo.find(f, sort, page * size, size);
    long total = items.size() < size && page == 0 ? items.size() : repo.count(f);
    return new Page<>(items, page, size, total);
  }
}
