package io.frontdesk.portal.auth;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bson.Document;

/**
 * The key the CSRF tokens are signed with. {@code FRONTDESK_PORTAL_SECRET} if set; otherwise a
 * random key created once in {@code portal_keys}, so every server process on the store agrees.
 * Blocking.
 */
public final class PortalKeys {
  public static final String COLLECTION = "portal_keys";

  private PortalKeys() {}

  public static byte[] csrfKey(MongoDatabase db, Optional<String> configured) {
    if (configured.isPresent()) {
      return sha256(configured.get());
    }
    MongoCollection<Document> keys = db.getCollection(COLLECTION);
    Document d = keys.find(Filters.eq("_id", "csrf")).first();
    if (d == null) {
      byte[] k = new byte[32];
      new SecureRandom().nextBytes(k);
      try {
        keys.insertOne(
            new Document("_id", "csrf").append("key", Base64.getEncoder().encodeToString(k)));
      } catch (MongoWriteException e) {
        // Another process created it first: use theirs.
      }
      d = keys.find(Filters.eq("_id", "csrf")).first();
    }
    return Base64.getDecoder().decode(d.getString("key"));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
