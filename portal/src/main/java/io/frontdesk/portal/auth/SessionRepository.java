package io.frontdesk.portal.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Portal sessions in {@code portal_sessions}, shared by every server process on the store. The
 * document id is the SHA-256 of the cookie value, so the store never holds a usable session id.
 * Blocking: call through {@code Blocking}, except {@link #cached}.
 *
 * <p>Sessions found are kept in process for a few seconds ({@value #CACHE_SECONDS}), so a page does
 * not read the store to learn who is asking. Every change made through this repository (sign-out,
 * rotation at sign-in, sign-out everywhere, touch, purge) updates or drops the cached entry at
 * once; a change made by another server process is seen here within the cache time.
 */
public final class SessionRepository {
  public static final String COLLECTION = "portal_sessions";

  /** A stored session: who, and when it was created and last used. */
  public record StoredSession(
      String idHash, Principal principal, String method, Instant createdAt, Instant lastSeen) {}

  /** Seconds a session read from the store is reused in process; 0 turns the cache off. */
  public static final String CACHE_SECONDS = "FRONTDESK_PORTAL_SESSION_CACHE_SECONDS";

  public static final int DEFAULT_CACHE_SECONDS = 5;
  static final int CACHE_MAX = 10_000;

  private final MongoCollection<Document> sessions;
  private final long cacheNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * Bumped by every change; a read caches what it found only if nothing changed while it read, so a
   * read racing a sign-out cannot bring the session back.
   */
  private final AtomicLong changes = new AtomicLong();

  private record Cached(StoredSession session, long until) {}

  /** Without the in-process cache. */
  public SessionRepository(MongoDatabase db) {
    this(db, Duration.ZERO);
  }

  public SessionRepository(MongoDatabase db, Duration cacheFor) {
    this.sessions = db.getCollection(COLLECTION);
    this.cacheNanos = cacheFor.toNanos();
  }

  /** A session read from the store in the last few seconds, if any. Never blocks. */
  public Optional<StoredSession> cached(String idHash) {
    Cached c = cache.get(idHash);
    if (c == null) {
      return Optional.empty();
    }
    if (c.until() - System.nanoTime() < 0) {
      cache.remove(idHash, c);
      return Optional.empty();
    }
    return Optional.of(c.session());
  }

  private void remember(StoredSession s, long changesBefore) {
    if (cacheNanos <= 0 || changes.get() != changesBefore) {
      return;
    }
    if (cache.size() >= CACHE_MAX) {
      cache.clear();
    }
    cache.put(s.idHash(), new Cached(s, System.nanoTime() + cacheNanos));
    if (changes.get() != changesBefore) {
      cache.remove(s.idHash());
    }
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

  /** Reads the store (and caches what it finds). */
  public Optional<StoredSession> find(String idHash) {
    long before = changes.get();
    Document d = sessions.find(Filters.eq("_id", idHash)).first();
    if (d == null) {
      cache.remove(idHash);
      return Optional.empty();
    }
    StoredSession s =
        new StoredSession(
            idHash,
            fromDocument(d.get("principal", Document.class)),
            d.getString("method"),
            d.getDate("createdAt").toInstant(),
            d.getDate("lastSeen").toInstant());
    remember(s, before);
    return Optional.of(s);
  }

  /** Records use and refreshes the principal (roles or school may have changed). */
  public void touch(String idHash, Principal p, Instant now) {
    changes.incrementAndGet();
    cache.remove(idHash);
    sessions.updateOne(
        Filters.eq("_id", idHash),
        Updates.combine(
            Updates.set("lastSeen", Date.from(now)), Updates.set("principal", toDocument(p))));
  }

  public void delete(String idHash) {
    changes.incrementAndGet();
    cache.remove(idHash);
    sessions.deleteOne(Filters.eq("_id", idHash));
  }

  /** Signs a user out everywhere (after a password reset, or when disabled). */
  public long deleteForUser(String userId) {
    changes.incrementAndGet();
    forget(c -> c.session().principal().id().equals(userId));
    return sessions.deleteMany(Filters.eq("userId", userId)).getDeletedCount();
  }

  /** Removes sessions idle since before the cutoff (the embedded store ignores TTL indexes). */
  public long purgeIdle(Instant cutoff) {
    changes.incrementAndGet();
    forget(c -> c.session().lastSeen().isBefore(cutoff));
    return sessions.deleteMany(Filters.lt("lastSeen", Date.from(cutoff))).getDeletedCount();
  }

  private void forget(java.util.function.Predicate<Cached> which) {
    cache.values().removeIf(which);
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
