package io.frontdesk.desk.sla;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The SLA clock check: finds open tickets whose next threshold (response due, 75 % warning, 100 %
 * breach) has passed, through the {@code sla.nextCheckAt} index, records the new state with an
 * event and alerts the assigned group. Run it under a {@link Lease} so that only one process
 * checks, and each alert fires once.
 */
public final class SlaMonitor {
  private final TicketRepository repo;
  private final SlaClock clock;
  private final TicketEvents events;
  private final Clock time;

  public SlaMonitor(TicketRepository repo, SlaClock clock, TicketEvents events, Clock time) {
    this.repo = repo;
    this.clock = clock;
    this.events = events;
    this.time = time;
  }

  /** One pass; returns the alerts raised ("INC-000001:warning", ...). */
  public List<String> check() {
    Instant now = time.instant();
    MongoCollection<Document> tickets = repo.tickets();
    List<String> alerts = new ArrayList<>();
    // The working-set index, when there is one, finds the due tickets without a collection scan;
    // while it is still loading, skip the round rather than scan (the next round catches up).
    if (repo.index().map(i -> !i.ready()).orElse(false)) {
      return List.of();
    }
    List<Document> due =
        repo.index()
            .flatMap(i -> i.dueForCheck(now.toEpochMilli(), 1000))
            .map(refs -> documents(repo.byReferences(refs)))
            .orElseGet(
                () ->
                    tickets
                        .find(
                            Filters.and(
                                Filters.lte("sla.nextCheckAt", Date.from(now)),
                                Filters.in("status", List.of("new", "assigned", "in_progress"))))
                        .sort(Sorts.ascending("sla.nextCheckAt"))
                        .limit(1000)
                        .into(new ArrayList<>()));
    for (Document d : due) {
      Ticket t = new Ticket(d);
      Document sla = new Document(t.sla());
      String before = sla.getString("state");
      boolean responseBefore = sla.getBoolean("responseBreached", false);
      String after = clock.evaluate(sla, now);
      boolean responseAfter = sla.getBoolean("responseBreached", false);
      // Compare-and-set on the old next-check time, so a concurrent change is not overwritten.
      boolean applied =
          tickets
                  .updateOne(
                      Filters.and(
                          Filters.eq("_id", t.reference()),
                          Filters.eq(
                              "sla.nextCheckAt",
                              d.get("sla", Document.class).getDate("nextCheckAt"))),
                      Updates.set("sla", sla))
                  .getModifiedCount()
              == 1;
      if (!applied) {
        continue;
      }
      repo.reindex(t.reference());
      if (!after.equals(before)) {
        repo.event(
            t.reference(),
            t.schoolId().orElse(null),
            "system",
            "Frontdesk",
            Channel.SYSTEM,
            "sla-" + after,
            new Document("percent", clock.percentUsed(sla, now)),
            now);
        alerts.add(t.reference() + ":" + after);
        notify(t, after);
      }
      if (responseAfter && !responseBefore) {
        repo.event(
            t.reference(),
            t.schoolId().orElse(null),
            "system",
            "Frontdesk",
            Channel.SYSTEM,
            "sla-response-breached",
            new Document(),
            now);
        alerts.add(t.reference() + ":response-breached");
        notify(t, "response-breached");
      }
    }
    return alerts;
  }

  private static List<Document> documents(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::document).toList();
  }

  private void notify(Ticket t, String state) {
    try {
      events.slaAlert(t, state);
    } catch (RuntimeException ignored) {
      // An alert channel failing must not stop the clock check.
    }
  }
}
