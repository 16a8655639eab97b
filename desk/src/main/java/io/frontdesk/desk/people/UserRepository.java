package io.frontdesk.desk.people;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * Users in {@code desk_users}. Blocking: call through {@code Blocking}. The portal and the bot look
 * people up by id, e-mail, UPN and Entra object id; each of those is uniquely indexed (sparse, so
 * school accounts without an Entra id coexist).
 */
public final class UserRepository {
  public static final String COLLECTION = "desk_users";
  private final MongoCollection<Document> users;

  public UserRepository(MongoDatabase db) {
    this.users = db.getCollection(COLLECTION);
  }

  public void createIndexes() {
    IndexOptions uniqueSparse = new IndexOptions().unique(true).sparse(true);
    users.createIndex(Indexes.ascending("email"), uniqueSparse);
    users.createIndex(Indexes.ascending("upn"), uniqueSparse);
    users.createIndex(Indexes.ascending("aadObjectId"), uniqueSparse);
    users.createIndex(Indexes.ascending("schoolId"));
    users.createIndex(Indexes.ascending("groups"));
  }

  public void save(User user) {
    Document d = user.toDocument();
    // Sparse unique indexes skip missing fields, not nulls: leave absent values out.
    d.entrySet().removeIf(e -> e.getValue() == null);
    users.replaceOne(Filters.eq("_id", user.id()), d, new ReplaceOptions().upsert(true));
  }

  public Optional<User> byId(String id) {
    return one(Filters.eq("_id", id));
  }

  public Optional<User> byEmail(String email) {
    return email == null ? Optional.empty() : one(Filters.eq("email", lower(email)));
  }

  public Optional<User> byUpn(String upn) {
    return upn == null ? Optional.empty() : one(Filters.eq("upn", lower(upn)));
  }

  public Optional<User> byAadObjectId(String aadObjectId) {
    return aadObjectId == null ? Optional.empty() : one(Filters.eq("aadObjectId", aadObjectId));
  }

  public List<User> bySchool(String schoolId) {
    return users
        .find(Filters.eq("schoolId", schoolId))
        .map(User::fromDocument)
        .into(new ArrayList<>());
  }

  /** Members of a resolver or approver group. */
  public List<User> inGroup(String groupId) {
    return users
        .find(Filters.eq("groups", groupId))
        .map(User::fromDocument)
        .into(new ArrayList<>());
  }

  /** Stores the portal's Argon2id hash for a school account (never a plain password). */
  public void setPasswordHash(String userId, String passwordHash) {
    users.updateOne(Filters.eq("_id", userId), Updates.set("passwordHash", passwordHash));
  }

  /** A page of every user, by display name (the admin users screen). */
  public List<User> page(int skip, int limit) {
    return users
        .find()
        .sort(Sorts.ascending("displayName"))
        .skip(skip)
        .limit(limit)
        .map(User::fromDocument)
        .into(new ArrayList<>());
  }

  public long count() {
    return users.countDocuments();
  }

  private Optional<User> one(org.bson.conversions.Bson filter) {
    Document d = users.find(filter).first();
    return Optional.ofNullable(d).map(User::fromDocument);
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
