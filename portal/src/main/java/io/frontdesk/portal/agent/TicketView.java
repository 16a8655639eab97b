package io.frontdesk.portal.agent;

import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.knowledge.search.SearchHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The agent's ticket page: the ticket, its timeline, the requester (and their school's
 * entitlement), what it is linked to, similar tickets and article suggestions, and the choices for
 * each action.
 */
public record TicketView(
    Ticket ticket,
    SlaView sla,
    User requester,
    School school,
    List<Entry> timeline,
    Document problem,
    List<Document> similar,
    List<SearchHit> suggestions,
    List<Bandwidth> groups,
    List<User> agents,
    List<Document> problems,
    List<Ticket> majorIncidents,
    String groupName,
    String assigneeName) {

  /** One line of the timeline: a comment, an internal note or a recorded change. */
  public record Entry(Instant at, String who, String kind, String text, boolean internal) {}

  public String status() {
    return Labels.status(ticket.status());
  }

  public boolean open() {
    return ticket.status().isOpen();
  }

  /** Status moves offered in the status form (resolving has its own form, with a resolution). */
  public List<TicketStatus> moves() {
    return ticket.status().allowedMoves().stream()
        .filter(s -> s != TicketStatus.RESOLVED)
        .sorted()
        .toList();
  }

  public boolean canResolve() {
    return ticket.status().canMoveTo(TicketStatus.RESOLVED);
  }

  public boolean canDeclareMajor() {
    return open()
        && !ticket.majorIncident()
        && ticket.parentId() == null
        && "incident".equals(ticket.document().getString("type"));
  }

  public boolean isIncident() {
    return "incident".equals(ticket.document().getString("type"));
  }

  public String resolution() {
    return ticket.document().getString("resolution");
  }

  /** Builds the timeline: comments with their text, then every other recorded change. */
  public static List<Entry> timeline(List<Document> comments, List<Document> events) {
    List<Entry> out = new ArrayList<>();
    for (Document c : comments) {
      boolean isPublic = c.getBoolean("public", true);
      out.add(
          new Entry(
              at(c.getDate("at")),
              c.getString("authorName"),
              isPublic
                  ? (c.getBoolean("agent", false) ? "Reply to requester" : "Requester's comment")
                  : "Internal note",
              c.getString("text"),
              !isPublic));
    }
    Set<String> shownAsComments = Set.of("comment", "internal-note");
    for (Document e : events) {
      String type = e.getString("type");
      if (type == null || shownAsComments.contains(type)) {
        continue;
      }
      out.add(
          new Entry(
              at(e.getDate("at")),
              e.getString("actorName"),
              describe(type),
              changes(type, e.get("changes", Document.class)),
              true));
    }
    out.sort(Comparator.comparing(Entry::at));
    return out;
  }

  private static Instant at(Date d) {
    return d == null ? Instant.EPOCH : d.toInstant();
  }

  static String describe(String type) {
    return switch (type) {
      case "created" -> "Logged";
      case "status" -> "Status changed";
      case "assigned" -> "Assigned";
      case "reassigned" -> "Reassigned";
      case "transcript" -> "Bot transcript attached";
      case "article-linked" -> "Article linked";
      case "major-incident-declared" -> "Declared a major incident";
      case "problem-linked" -> "Linked to a problem";
      case "els-handover" -> "Handed over to the project team";
      case "linked-report" -> "Reported again";
      default -> type.replace('-', ' ');
    };
  }

  static String changes(String type, Document c) {
    if (c == null || c.isEmpty()) {
      return "";
    }
    return switch (type) {
      case "status" ->
          Labels.statusWire(c.getString("from"))
              + " to "
              + Labels.statusWire(c.getString("to"))
              + (c.getString("note") == null ? "" : ": " + c.getString("note"));
      case "assigned", "reassigned" ->
          "to "
              + c.getString("toGroup")
              + (c.getString("toAssignee") == null ? "" : " (" + c.getString("toAssignee") + ")");
      case "created" -> "Priority " + c.getString("priority") + ", queue " + c.getString("groupId");
      case "article-linked" -> c.getString("articleId");
      case "problem-linked" -> c.getString("problemId");
      case "els-handover" -> c.getString("note");
      case "linked-report" -> c.getString("title");
      default -> "";
    };
  }
}
