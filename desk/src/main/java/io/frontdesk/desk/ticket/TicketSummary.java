package io.frontdesk.desk.ticket;

import com.mongodb.client.model.Projections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What a queue row needs of a ticket, decoded once: the {@link WorkingSetIndex} keeps one per
 * working-set ticket, so a queue page is served from memory without fetching and decoding its
 * tickets from the store. The long texts (description, transcript, form) are left out on purpose:
 * they are most of a ticket's size and no queue shows them. Strings that repeat across tickets
 * (status, group, service, ...) are interned, so an entry costs little more than its title.
 */
public record TicketSummary(
    String reference,
    String type,
    String status,
    String desk,
    String channel,
    String requesterId,
    String requesterName,
    String schoolId,
    String service,
    String category,
    String title,
    int impact,
    int urgency,
    String priority,
    String groupId,
    String assigneeId,
    String elsProjectId,
    String parentId,
    boolean majorIncident,
    boolean chargeable,
    String catalogueItemId,
    List<String> tags,
    long createdAt,
    long updatedAt,
    Sla sla) {

  /** The SLA clock as a queue shows it (times in epoch milliseconds, 0 when unset). */
  public record Sla(
      String state,
      long responseDue,
      long resolutionDue,
      long pausedSince,
      long stoppedAt,
      boolean responseBreached,
      boolean breachedAtResolution) {

    static Sla of(Document s) {
      return s == null
          ? null
          : new Sla(
              intern(s.getString("state")),
              millis(s.getDate("responseDue")),
              millis(s.getDate("resolutionDue")),
              millis(s.getDate("pausedSince")),
              millis(s.getDate("stoppedAt")),
              s.getBoolean("responseBreached", false),
              s.getBoolean("breachedAtResolution", false));
    }

    /** The clock as stored (the fields above only), for code that reads the stored shape. */
    public Document toDocument() {
      return new Document("state", state)
          .append("responseDue", date(responseDue))
          .append("resolutionDue", date(resolutionDue))
          .append("pausedSince", date(pausedSince))
          .append("stoppedAt", date(stoppedAt))
          .append("responseBreached", responseBreached)
          .append("breachedAtResolution", breachedAtResolution);
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("state", state)
          .put("responseDue", iso(responseDue))
          .put("resolutionDue", iso(resolutionDue))
          .put("paused", pausedSince != 0)
          .put("responseBreached", responseBreached);
    }
  }

  /** The stored fields a summary is made from (a projection for store queries and scans). */
  public static final List<String> STORED_FIELDS =
      List.of(
          "type",
          "status",
          "desk",
          "channel",
          "requester.userId",
          "requester.displayName",
          "schoolId",
          "service",
          "category",
          "title",
          "impact",
          "urgency",
          "priority",
          "groupId",
          "assigneeId",
          "elsProjectId",
          "parentId",
          "majorIncident",
          "chargeable",
          "catalogueItemId",
          "tags",
          "createdAt",
          "updatedAt",
          "sla.state",
          "sla.responseDue",
          "sla.resolutionDue",
          "sla.pausedSince",
          "sla.stoppedAt",
          "sla.responseBreached",
          "sla.breachedAtResolution");

  public static final Bson FIELDS = Projections.include(STORED_FIELDS);

  public static TicketSummary of(Document d) {
    Document r = d.get("requester", Document.class);
    List<String> tags = d.getList("tags", String.class, List.of());
    return new TicketSummary(
        d.getString("_id"),
        intern(d.getString("type")),
        intern(d.getString("status")),
        intern(d.getString("desk")),
        intern(d.getString("channel")),
        r == null ? null : r.getString("userId"),
        r == null ? null : r.getString("displayName"),
        intern(d.getString("schoolId")),
        intern(d.getString("service")),
        intern(d.getString("category")),
        d.getString("title"),
        d.getInteger("impact", 0),
        d.getInteger("urgency", 0),
        intern(d.getString("priority")),
        intern(d.getString("groupId")),
        intern(d.getString("assigneeId")),
        intern(d.getString("elsProjectId")),
        d.getString("parentId"),
        d.getBoolean("majorIncident", false),
        d.getBoolean("chargeable", false),
        intern(d.getString("catalogueItemId")),
        tags.isEmpty() ? List.of() : tags.stream().map(TicketSummary::intern).toList(),
        millis(d.getDate("createdAt")),
        millis(d.getDate("updatedAt")),
        Sla.of(d.get("sla", Document.class)));
  }

  public Instant created() {
    return Instant.ofEpochMilli(createdAt);
  }

  /**
   * JSON for a queue listing: the keys of {@link Ticket#toJson} that a summary holds, with the same
   * meaning (the long texts and the agents-only internals are not in a listing).
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("reference", reference)
        .put("type", type)
        .put("status", status)
        .put("desk", desk)
        .put("channel", channel)
        .put(
            "requester",
            new JsonObject()
                .put("userId", requesterId)
                .put("displayName", requesterName)
                .put("schoolId", schoolId))
        .put("schoolId", schoolId)
        .put("service", service)
        .put("category", category)
        .put("title", title)
        .put("impact", impact == 0 ? null : impact)
        .put("urgency", urgency == 0 ? null : urgency)
        .put("priority", priority)
        .put("groupId", groupId)
        .put("assigneeId", assigneeId)
        .put("elsProjectId", elsProjectId)
        .put("tags", new JsonArray(tags))
        .put("parentId", parentId)
        .put("majorIncident", majorIncident)
        .put("catalogueItemId", catalogueItemId)
        .put("chargeable", chargeable)
        .put("createdAt", iso(createdAt))
        .put("updatedAt", iso(updatedAt))
        .put("sla", sla == null ? null : sla.toJson());
  }

  private static long millis(Date d) {
    return d == null ? 0 : d.getTime();
  }

  private static Date date(long millis) {
    return millis == 0 ? null : new Date(millis);
  }

  private static String iso(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  private static String intern(String s) {
    return s == null ? null : s.intern();
  }
}
