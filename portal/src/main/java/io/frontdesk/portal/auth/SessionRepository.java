package io.frontdesk.portal.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Portal sessions in {@code portal_sessions}, shared by every server process on the store. The
 * document id is the SHA-256 of the cookie value, so the store never holds a usable session id.
 * Blocking: call through {@code Blocking}.
 */
public final class SessionRepository {
  public static final String COLLECTION = "portal_sessions";

  /** A stored session: who, and when it was created and last used. */
  public record StoredSession(
      String idHash, Principal principal, String method, Instant createdAt, Instant lastSeen) {}

  private final MongoCollection<Document> sessions;

  public SessionRepository(MongoDatabase db) {
    this.sessions = db.getCollection(COLLECTION);
  }

  public void createIndexes() {
    sessions.createIndex(Indexes.ascending("userId"));
    sessions.createIndex(Indexes.ascending("lastSeen"));
  }

  public void insert(String idHash, Principal p, String method, Instant now) {
    sessions.insertOne(
        new Document("_id", idHash)
            .append("userId", p.id())
            .append("principal", toDocument(p))
            .append("method", method)
            .append("createdAt", Date.from(now))
            .append("lastSeen", Date.from(now)));
  }

  public Optional<StoredSession> find(String idHash) {
    Document d = sessions.find(Filters.eq("_id", idHash)).first();
    if (d == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredSession(
            idHash,
            fromDocument(d.get("principal", Document.class)),
            d.getString("method"),
            d.getDate("createdAt").toInstant(),
            d.getDate("lastSeen").toInstant()));
  }

  /** Records use and refreshes the principal (roles or school may have changed). */
  public void touch(String idHash, Principal p, Instant now) {
    sessions.updateOne(
        Filters.eq("_id", idHash),
        Updates.combine(
            Updates.set("lastSeen", Date.from(now)), Updates.set("principal", toDocument(p))));
  }

  public void delete(String idHash) {
    sessions.deleteOne(Filters.eq("_id", idHash));
  }

  /** Signs a user out everywhere (after a password reset, or when disabled). */
  public long deleteForUser(String userId) {
    return sessions.deleteMany(Filters.eq("userId", userId)).getDeletedCount();
  }

  /** Removes sessions idle since before the cutoff (the embedded store ignores TTL indexes). */
  public long purgeIdle(Instant cutoff) {
    return sessions.deleteMany(Filters.lt("lastSeen", Date.from(cutoff))).getDeletedCount();
  }

  public long count() {
    return sessions.countDocuments();
  }

  static Document toDocument(Principal p) {
    return new Document("id", p.id())
        .append("displayName", p.displayName())
        .append("email", p.email())
        .append("roles", p.roles().stream().map(Enum::name).sorted().toList())
        .append("schoolId", p.schoolId().orElse(null));
  }

  static Principal fromDocument(Document d) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : d.getList("roles", String.class, List.of())) {
      roles.add(Role.valueOf(r));
    }
    return new Principal(
        d.getString("id"),
        d.getString("displayName"),
        d.getString("email"),
        roles,
        Optional.ofNullable(d.getString("schoolId")));
  }
}
