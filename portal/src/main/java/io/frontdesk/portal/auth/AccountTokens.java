package io.frontdesk.portal.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Single-use, expiring tokens for e-mailed links: invitations and password resets. Only the token's
 * SHA-256 is stored; it works once, until it expires, for its purpose only. Issuing a new token of
 * a purpose cancels the user's earlier ones. Blocking.
 */
public final class AccountTokens {
  public static final String COLLECTION = "portal_account_tokens";
  public static final String RESET = "reset";
  public static final String INVITE = "invite";

  private final MongoCollection<Document> tokens;
  private final Tokens random;
  private final Clock clock;

  public AccountTokens(MongoDatabase db, Tokens random, Clock clock) {
    this.tokens = db.getCollection(COLLECTION);
    this.random = random;
    this.clock = clock;
  }

  public void createIndexes() {
    tokens.createIndex(Indexes.ascending("userId", "purpose"));
  }

  /** A new token; the raw value goes only into the e-mailed link. */
  public String issue(String purpose, String userId, Duration ttl) {
    Instant now = clock.instant();
    tokens.deleteMany(
        Filters.and(
            Filters.eq("userId", userId),
            Filters.eq("purpose", purpose),
            Filters.eq("usedAt", null)));
    String raw = random.random();
    tokens.insertOne(
        new Document("_id", Tokens.hash(raw))
            .append("purpose", purpose)
            .append("userId", userId)
            .append("createdAt", Date.from(now))
            .append("expiresAt", Date.from(now.plus(ttl)))
            .append("usedAt", null));
    return raw;
  }

  /** The user the token is for, if it is valid now (not used, not expired); does not use it. */
  public Optional<String> peek(String purpose, String raw) {
    if (raw == null || raw.length() != 43) {
      return Optional.empty();
    }
    return Optional.ofNullable(tokens.find(valid(purpose, raw)).first())
        .map(d -> d.getString("userId"));
  }

  /** Uses the token: atomically, so two submissions cannot both succeed. */
  public Optional<String> consume(String purpose, String raw) {
    if (raw == null || raw.length() != 43) {
      return Optional.empty();
    }
    Document d =
        tokens.findOneAndUpdate(
            valid(purpose, raw), Updates.set("usedAt", Date.from(clock.instant())));
    return Optional.ofNullable(d).map(x -> x.getString("userId"));
  }

  private Bson valid(String purpose, String raw) {
    return Filters.and(
        Filters.eq("_id", Tokens.hash(raw)),
        Filters.eq("purpose", purpose),
        Filters.eq("usedAt", null),
        Filters.gt("expiresAt", Date.from(clock.instant())));
  }
}
