package io.frontdesk.desk.problem;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.References;
import io.frontdesk.desk.ticket.TextGuard;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketAccess;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.TicketType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Problem management ({@code desk_problems}, PRB-000001): group recurring incidents under a
 * problem; record the root cause and workaround; a known error with a workaround becomes a draft
 * knowledge article for the Champions to review. Agents only.
 */
public final class ProblemService {
  public static final String COLLECTION = "desk_problems";
  private final MongoCollection<Document> problems;
  private final TicketService tickets;
  private final TicketRepository repo;
  private final References references;
  private final Catalogue catalogue;
  private final KnowledgeDrafts drafts;
  private final Clock clock;

  public ProblemService(
      MongoDatabase db,
      TicketService tickets,
      References references,
      Catalogue catalogue,
      KnowledgeDrafts drafts,
      Clock clock) {
    this.problems = db.getCollection(COLLECTION);
    this.tickets = tickets;
    this.repo = tickets.repository();
    this.references = references;
    this.catalogue = catalogue;
    this.drafts = drafts;
    this.clock = clock;
  }

  public Document create(
      Principal p, String title, String description, String service, List<String> incidentRefs) {
    TicketAccess.requireAgent(p);
    if (title == null || title.isBlank() || title.length() > 200) {
      throw ApiException.badRequest("title is required (200 characters or fewer)");
    }
    String svc =
        catalogue
            .service(service)
            .orElseThrow(
                () -> ApiException.badRequest("service '" + service + "' is not in the catalogue"));
    List<Ticket> incidents = new ArrayList<>();
    for (String ref : incidentRefs == null ? List.<String>of() : incidentRefs) {
      Ticket t = tickets.get(p, ref);
      if (t.type() != TicketType.INCIDENT) {
        throw ApiException.badRequest(
            t.reference() + " is not an incident; only incidents are grouped into problems.");
      }
      incidents.add(t);
    }
    Instant now = clock.instant();
    String id = References.format("PRB", references.next("PRB"));
    Document d =
        new Document("_id", id)
            .append("title", TextGuard.scrub(title.strip()))
            .append("description", TextGuard.scrub(description))
            .append("service", svc)
            .append("status", "open")
            .append("incidentIds", new ArrayList<String>())
            .append("createdBy", p.id())
            .append("createdAt", Date.from(now));
    problems.insertOne(d);
    for (Ticket t : incidents) {
      link(p, id, t, now);
    }
    return get(p, id);
  }

  public Document get(Principal p, String id) {
    TicketAccess.requireAgent(p);
    Document d = problems.find(Filters.eq("_id", id)).first();
    if (d == null) {
      throw ApiException.notFound("There is no problem " + id + ".");
    }
    return d;
  }

  public List<Document> list(Principal p) {
    TicketAccess.requireAgent(p);
    return problems.find().sort(Sorts.descending("createdAt")).limit(200).into(new ArrayList<>());
  }

  public Document linkIncident(Principal p, String problemId, String reference) {
    get(p, problemId);
    Ticket t = tickets.get(p, reference);
    if (t.type() != TicketType.INCIDENT) {
      throw ApiException.badRequest(t.reference() + " is not an incident.");
    }
    link(p, problemId, t, clock.instant());
    return get(p, problemId);
  }

  private void link(Principal p, String problemId, Ticket t, Instant now) {
    problems.updateOne(
        Filters.eq("_id", problemId), Updates.addToSet("incidentIds", t.reference()));
    repo.updateIf(
        t.reference(),
        null,
        Updates.combine(
            Updates.set("problemId", problemId), Updates.set("updatedAt", Date.from(now))));
    repo.event(
        t.reference(),
        t.schoolId().orElse(null),
        p.id(),
        p.displayName(),
        Channel.PORTAL,
        "problem-linked",
        new Document("problemId", problemId),
        now);
  }

  /**
   * Records a known error: root cause and workaround. The workaround becomes a draft article
   * (through {@link KnowledgeDrafts}) whose id is kept on the problem.
   */
  public Document knownError(
      Principal p, String problemId, String rootCause, String workaround, String audience) {
    Document prb = get(p, problemId);
    if (workaround == null || workaround.isBlank() || workaround.length() > 10_000) {
      throw ApiException.badRequest(
          "A workaround (1 to 10000 characters) is required for a known error.");
    }
    String aud = audience == null ? "staff" : audience;
    if (!List.of("staff", "schools", "all").contains(aud)) {
      throw ApiException.badRequest("audience must be staff, schools or all");
    }
    String body =
        "## Symptoms\n\n"
            + (prb.getString("description") == null
                ? prb.getString("title")
                : prb.getString("description"))
            + "\n\n## Workaround\n\n"
            + TextGuard.scrub(workaround.strip())
            + (rootCause == null || rootCause.isBlank()
                ? ""
                : "\n\n## Cause\n\n" + TextGuard.scrub(rootCause.strip()))
            + "\n\n_Drafted from known error "
            + problemId
            + "; review before publishing._\n";
    String articleId =
        drafts.draft(prb.getString("title"), body, prb.getString("service"), aud, problemId);
    problems.updateOne(
        Filters.eq("_id", problemId),
        Updates.combine(
            Updates.set("status", "known-error"),
            Updates.set("rootCause", TextGuard.scrub(rootCause)),
            Updates.set("workaround", TextGuard.scrub(workaround.strip())),
            Updates.set("draftArticleId", articleId),
            Updates.set("knownErrorAt", Date.from(clock.instant()))));
    return get(p, problemId);
  }
}
