package io.frontdesk.desk.els;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.routing.TicketRouter;
import io.frontdesk.desk.routing.Words;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketAccess;
import io.frontdesk.desk.ticket.TicketEvents;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Early Life Support: each project's call log, trends, handover to the project team, and the end of
 * the window (open tickets stay with ELS or move back to the usual desk in bulk, as the owner
 * chooses; moving or closing the window is in the admin audit trail). A handover is announced to
 * the project team ({@link TicketEvents#handedOver}). Agents, managers and admins only.
 */
public final class ElsService {
  private static final List<String> OPEN = List.of("new", "assigned", "in_progress", "pending");
  private final ProjectRepository projects;
  private final TicketRepository tickets;
  private final TicketRouter router;
  private final Clock clock;
  private final ZoneId zone;
  private final TicketEvents events;
  private final AdminAudit audit;

  public ElsService(
      ProjectRepository projects,
      TicketRepository tickets,
      TicketRouter router,
      Clock clock,
      ZoneId zone,
      TicketEvents events,
      AdminAudit audit) {
    this.events = events;
    this.audit = audit;
    this.projects = projects;
    this.tickets = tickets;
    this.router = router;
    this.clock = clock;
    this.zone = zone;
  }

  public List<ElsProject> list(Principal p) {
    requireDeskStaff(p);
    return projects.all();
  }

  public ElsProject get(Principal p, String id) {
    requireDeskStaff(p);
    return projects
        .byId(id)
        .orElseThrow(
            () -> ApiException.notFound("There is no Early Life Support project " + id + "."));
  }

  /** The complete log of the project's calls, oldest first. */
  public Page<Ticket> log(Principal p, String id, int page, int size) {
    ElsProject project = get(p, id);
    if (page < 0 || size < 1 || size > 100) {
      throw ApiException.badRequest("page starts at 0 and size is 1 to 100");
    }
    Bson f = Filters.eq("elsProjectId", project.id());
    return new Page<>(
        tickets.find(f, Sorts.ascending("createdAt"), page * size, size),
        page,
        size,
        tickets.count(f));
  }

  /**
   * Trends: calls per day, per category (the service when no category was given), the top recurring
   * two-word phrases in titles, open and resolved counts, mean hours to resolve, handed-over count
   * and days left in the window.
   */
  public Document trends(Principal p, String id) {
    ElsProject project = get(p, id);
    Map<String, Integer> perDay = new TreeMap<>();
    Map<String, Integer> perCategory = new HashMap<>();
    Map<String, Integer> phrases = new HashMap<>();
    int open = 0;
    int resolved = 0;
    int handedOver = 0;
    long resolveMillis = 0;
    for (Document d : tickets.tickets().find(Filters.eq("elsProjectId", project.id()))) {
      Ticket t = new Ticket(d);
      perDay.merge(LocalDate.ofInstant(t.createdAt(), zone).toString(), 1, Integer::sum);
      perCategory.merge(t.category() != null ? t.category() : t.service(), 1, Integer::sum);
      List<String> words = Words.tokens(t.title());
      for (int i = 0; i + 1 < words.size(); i++) {
        phrases.merge(words.get(i) + " " + words.get(i + 1), 1, Integer::sum);
      }
      if (t.status().isOpen()) {
        open++;
      } else {
        resolved++;
        if (d.getDate("resolvedAt") != null) {
          resolveMillis += d.getDate("resolvedAt").getTime() - t.createdAt().toEpochMilli();
        }
      }
      if (d.getBoolean("handedOver", false)) {
        handedOver++;
      }
    }
    Instant now = clock.instant();
    long daysLeft =
        project.inWindow(now)
            ? Math.max(0, java.time.Duration.between(now, project.end()).toDays())
            : 0;
    return new Document("projectId", project.id())
        .append("name", project.name())
        .append("perDay", new Document(new LinkedHashMap<>(perDay)))
        .append("perCategory", top(perCategory, 10))
        .append(
            "topPhrases",
            top(
                phrases.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                10))
        .append("open", open)
        .append("resolved", resolved)
        .append(
            "meanHoursToResolve",
            resolved == 0 ? null : Math.round(resolveMillis / 36_000.0 / resolved) / 100.0)
        .append("handedOver", handedOver)
        .append("inWindow", project.inWindow(now))
        .append("daysLeft", daysLeft);
  }

  private static Document top(Map<String, Integer> counts, int n) {
    Document d = new Document();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> d.append(e.getKey(), e.getValue()));
    return d;
  }

  /** Hands one ELS ticket over to the project team with a note. */
  public Ticket handover(Principal p, String projectId, String reference, String note) {
    ElsProject project = get(p, projectId);
    String clean = note == null ? "" : note.strip();
    if (clean.isEmpty() || clean.length() > 5000) {
      throw ApiException.badRequest("A handover note of 1 to 5000 characters is required.");
    }
    Ticket t =
        tickets
            .byReference(reference == null ? "" : reference.toUpperCase(java.util.Locale.ROOT))
            .filter(x -> project.id().equals(x.elsProjectId()))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Ticket " + reference + " is not in " + project.name() + "'s log."));
    if (!t.status().isOpen()) {
      throw ApiException.conflict(
          t.reference() + " is " + t.status().wire() + "; only open tickets are handed over.");
    }
    Instant now = clock.instant();
    tickets.updateIf(
        t.reference(),
        t.status().wire(),
        Updates.combine(
            Updates.set("groupId", project.projectGroupId()),
            Updates.set("assigneeId", null),
            Updates.set("handedOver", true),
            Updates.inc("reassignments", 1),
            Updates.set("updatedAt", Date.from(now))));
    tickets.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        Channel.PORTAL,
        "els-handover",
        new Document("toGroup", project.projectGroupId()).append("note", clean),
        now);
    Ticket handed = tickets.byReference(t.reference()).orElseThrow();
    // Stored first: the project team is told of a handover that has happened.
    events.handedOver(handed, project.name(), project.projectGroupId(), clean);
    return handed;
  }

  /** Moves the window's end (extend or shorten); the project owner or an admin. */
  public ElsProject extend(Principal p, String projectId, Instant newEnd) {
    ElsProject project = requireOwner(p, projectId);
    if (!newEnd.isAfter(project.start())) {
      throw ApiException.badRequest(
          "The window must end after it starts (" + project.start() + ").");
    }
    ElsProject changed =
        new ElsProject(
            project.id(),
            project.name(),
            project.services(),
            project.applications(),
            project.keywords(),
            project.start(),
            newEnd,
            project.elsGroupId(),
            project.projectGroupId(),
            project.ownerId(),
            project.afterWindow(),
            project.closed());
    projects.save(changed);
    audit.record(p, "els.window.extend", project.id(), "last moment " + newEnd);
    return changed;
  }

  /**
   * Ends the window now. New calls route to the usual desk from here on; open ELS tickets stay with
   * the ELS team ("stay") or are re-routed in bulk by the normal rules ("move"). Returns the number
   * of tickets moved.
   */
  public int closeWindow(Principal p, String projectId, String openTickets) {
    ElsProject project = requireOwner(p, projectId);
    if (!"stay".equals(openTickets) && !"move".equals(openTickets)) {
      throw ApiException.badRequest("openTickets must be stay or move");
    }
    Instant now = clock.instant();
    projects.save(
        new ElsProject(
            project.id(),
            project.name(),
            project.services(),
            project.applications(),
            project.keywords(),
            project.start(),
            now.isBefore(project.end()) ? now : project.end(),
            project.elsGroupId(),
            project.projectGroupId(),
            project.ownerId(),
            openTickets,
            true));
    int moved = 0;
    if ("move".equals(openTickets)) {
      for (Document d :
          tickets
              .tickets()
              .find(
                  Filters.and(
                      Filters.eq("elsProjectId", project.id()),
                      Filters.in("status", OPEN),
                      Filters.eq("groupId", project.elsGroupId())))) {
        Ticket t = new Ticket(d);
        TicketRouter.Route r =
            router.routeNormally(
                t.desk(),
                t.service(),
                t.category(),
                t.title() + "\n" + (t.description() == null ? "" : t.description()));
        if (tickets.updateIf(
            t.reference(),
            t.status().wire(),
            Updates.combine(
                Updates.set("groupId", r.groupId()),
                Updates.set("assigneeId", null),
                Updates.set("updatedAt", Date.from(now))))) {
          tickets.event(
              t.reference(),
              t.schoolId().orElse(null),
              p.id(),
              p.displayName(),
              Channel.PORTAL,
              "els-window-closed",
              new Document("toGroup", r.groupId()),
              now);
          moved++;
        }
      }
    }
    audit.record(
        p,
        "els.window.close",
        project.id(),
        "closed; open tickets " + openTickets + ", " + moved + " moved to the usual desk");
    return moved;
  }

  private ElsProject requireOwner(Principal p, String projectId) {
    ElsProject project = get(p, projectId);
    if (!p.has(Role.ADMIN) && !p.id().equals(project.ownerId())) {
      throw ApiException.forbidden("Only the project owner or an admin can change the window.");
    }
    return project;
  }

  private static void requireDeskStaff(Principal p) {
    if (!TicketAccess.isAgent(p) && !p.has(Role.MANAGER)) {
      throw ApiException.forbidden(
          "Early Life Support projects are for the desk's agents and managers.");
    }
  }

  static boolean isOpen(TicketStatus s) {
    return s.isOpen();
  }
}
