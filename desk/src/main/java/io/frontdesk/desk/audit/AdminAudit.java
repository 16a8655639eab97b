package io.frontdesk.desk.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.ticket.TextGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The audit trail of administrative changes (calendar, resolver groups, routing rules, and the rest
 * of the admin screens): who changed what, when, and the new value. Append-only; read by admins.
 * Details are scrubbed like ticket text, so a password typed into a field is not kept. Blocking.
 */
public final class AdminAudit {
  public static final String COLLECTION = "desk_admin_audit";
  static final int MAX_DETAIL = 2000;

  private final MongoCollection<Document> audit;
  private final Clock clock;

  public AdminAudit(MongoDatabase db, Clock clock) {
    this.audit = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  public void createIndexes() {
    audit.createIndex(Indexes.descending("at"));
    audit.createIndex(Indexes.ascending("target", "at"));
  }

  /**
   * Records a change made by {@code who}.
   *
   * @param action what was done, e.g. "group.update", "calendar.holiday.add"
   * @param target what it was done to, e.g. the group id
   * @param detail the new value, in words (cut to {@value #MAX_DETAIL} characters)
   */
  public Document record(Principal who, String action, String target, String detail) {
    if (action == null || !action.matches("[a-z][a-z0-9.-]{0,60}")) {
      throw new IllegalArgumentException("action must be a short dotted name");
    }
    String d = detail == null ? "" : detail;
    if (d.length() > MAX_DETAIL) {
      d = d.substring(0, MAX_DETAIL);
    }
    Document e =
        new Document("_id", UUID.randomUUID().toString())
            .append("at", Date.from(clock.instant()))
            .append("actorId", who.id())
            .append("actorName", who.displayName())
            .append("action", action)
            .append("target", target)
            .append("detail", TextGuard.scrub(d));
    audit.insertOne(e);
    return e;
  }

  /** The latest changes, newest first; admins only. */
  public List<Document> recent(Principal p, int limit) {
    requireAdmin(p);
    if (limit < 1 || limit > 500) {
      throw ApiException.badRequest("limit must be from 1 to 500");
    }
    return audit.find().sort(Sorts.descending("at")).limit(limit).into(new ArrayList<>());
  }

  /** Changes to one target, newest first; admins only. */
  public List<Document> of(Principal p, String target) {
    requireAdmin(p);
    return audit
        .find(Filters.eq("target", target))
        .sort(Sorts.descending("at"))
        .limit(200)
        .into(new ArrayList<>());
  }

  private static void requireAdmin(Principal p) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only administrators can read the audit trail.");
    }
  }
}
