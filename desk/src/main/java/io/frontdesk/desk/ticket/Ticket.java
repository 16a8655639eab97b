package io.frontdesk.desk.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * A ticket as stored in {@code desk_tickets} ({@code _id} is the reference, e.g. INC-000123).
 * Read-only view over the stored document; all changes go through {@link TicketService}.
 */
public final class Ticket {
  private final Document d;

  public Ticket(Document d) {
    this.d = d;
  }

  public Document document() {
    return d;
  }

  public String reference() {
    return d.getString("_id");
  }

  public TicketType type() {
    return TicketType.valueOf(d.getString("type").toUpperCase(java.util.Locale.ROOT));
  }

  public TicketStatus status() {
    return TicketStatus.parse(d.getString("status"));
  }

  public Requester requester() {
    return Requester.fromDocument(d.get("requester", Document.class));
  }

  /** The school (tenant) of a school ticket; empty for staff tickets. */
  public Optional<String> schoolId() {
    return Optional.ofNullable(d.getString("schoolId"));
  }

  /** "staff" or "schools": the two desks are separate. */
  public String desk() {
    return d.getString("desk");
  }

  public String title() {
    return d.getString("title");
  }

  public String description() {
    return d.getString("description");
  }

  public String service() {
    return d.getString("service");
  }

  public String category() {
    return d.getString("category");
  }

  public String priority() {
    return d.getString("priority");
  }

  public Channel channel() {
    return Channel.valueOf(d.getString("channel").toUpperCase(java.util.Locale.ROOT));
  }

  public String groupId() {
    return d.getString("groupId");
  }

  public String assigneeId() {
    return d.getString("assigneeId");
  }

  public String elsProjectId() {
    return d.getString("elsProjectId");
  }

  public String parentId() {
    return d.getString("parentId");
  }

  public String problemId() {
    return d.getString("problemId");
  }

  public boolean majorIncident() {
    return d.getBoolean("majorIncident", false);
  }

  public boolean chargeable() {
    return d.getBoolean("chargeable", false);
  }

  public String catalogueItemId() {
    return d.getString("catalogueItemId");
  }

  public List<String> linkedArticles() {
    return d.getList("linkedArticles", String.class, List.of());
  }

  public String transcript() {
    return d.getString("transcript");
  }

  public Instant createdAt() {
    return d.getDate("createdAt").toInstant();
  }

  public Document sla() {
    return d.get("sla", Document.class);
  }

  public int reassignments() {
    return d.getInteger("reassignments", 0);
  }

  /**
   * JSON for the API. {@code internal} adds what only agents see (the transcript and routing
   * reasons); requesters get the public view.
   */
  public JsonObject toJson(boolean internal) {
    JsonObject j =
        new JsonObject()
            .put("reference", reference())
            .put("type", d.getString("type"))
            .put("status", d.getString("status"))
            .put("desk", desk())
            .put("channel", d.getString("channel"))
            .put("requester", json(d.get("requester", Document.class)))
            .put("schoolId", d.getString("schoolId"))
            .put("service", service())
            .put("category", category())
            .put("title", title())
            .put("description", description())
            .put("impact", d.getInteger("impact"))
            .put("urgency", d.getInteger("urgency"))
            .put("priority", priority())
            .put("groupId", groupId())
            .put("assigneeId", assigneeId())
            .put("elsProjectId", elsProjectId())
            .put("tags", new JsonArray(d.getList("tags", String.class, List.of())))
            .put("linkedArticles", new JsonArray(linkedArticles()))
            .put("problemId", problemId())
            .put("parentId", parentId())
            .put("relatedTo", d.getString("relatedTo"))
            .put("majorIncident", majorIncident())
            .put("catalogueItemId", catalogueItemId())
            .put("form", json(d.get("form", Document.class)))
            .put("approval", d.getString("approval"))
            .put("chargeable", chargeable())
            .put("chargeStatement", d.getString("chargeStatement"))
            .put("resolution", d.getString("resolution"))
            .put("createdAt", iso(d.getDate("createdAt")))
            .put("updatedAt", iso(d.getDate("updatedAt")))
            .put("resolvedAt", iso(d.getDate("resolvedAt")))
            .put("closedAt", iso(d.getDate("closedAt")))
            .put("sla", slaJson());
    if (internal) {
      j.put("transcript", transcript());
      j.put("routeReason", d.getString("routeReason"));
      j.put("reassignments", reassignments());
      j.put("resolvedByLevel", d.getInteger("resolvedByLevel"));
    }
    return j;
  }

  private JsonObject slaJson() {
    Document s = sla();
    if (s == null) {
      return null;
    }
    return new JsonObject()
        .put("state", s.getString("state"))
        .put("responseDue", iso(s.getDate("responseDue")))
        .put("resolutionDue", iso(s.getDate("resolutionDue")))
        .put("paused", s.getDate("pausedSince") != null)
        .put("responseBreached", s.getBoolean("responseBreached", false));
  }

  static JsonObject json(Document doc) {
    return doc == null ? null : new JsonObject(doc.toJson(JSON));
  }

  static String iso(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  private static final org.bson.json.JsonWriterSettings JSON =
      org.bson.json.JsonWriterSettings.builder()
          .outputMode(org.bson.json.JsonMode.RELAXED)
          .dateTimeConverter((v, w) -> w.writeString(Instant.ofEpochMilli(v).toString()))
          .build();
}
