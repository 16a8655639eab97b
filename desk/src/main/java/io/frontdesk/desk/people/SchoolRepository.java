package io.frontdesk.desk.people;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Schools (tenants) in {@code desk_schools}. Blocking. */
public final class SchoolRepository {
  public static final String COLLECTION = "desk_schools";
  private final MongoCollection<Document> schools;

  public SchoolRepository(MongoDatabase db) {
    this.schools = db.getCollection(COLLECTION);
  }

  public void save(School school) {
    schools.replaceOne(
        Filters.eq("_id", school.id()), school.toDocument(), new ReplaceOptions().upsert(true));
  }

  public Optional<School> byId(String id) {
    return Optional.ofNullable(schools.find(Filters.eq("_id", id)).first())
        .map(School::fromDocument);
  }

  public List<School> all() {
    return schools
        .find()
        .sort(Sorts.ascending("name"))
        .map(School::fromDocument)
        .into(new ArrayList<>());
  }

  /**
   * Books one on-site day if the school has one left; atomic, so two bookings cannot both take the
   * last day. Returns false when the entitlement is used up (the visit is then chargeable).
   */
  public boolean takeOnsiteDay(String schoolId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<School> school = byId(schoolId);
      if (school.isEmpty() || school.get().onsiteDaysLeft() == 0) {
        return false;
      }
      // Compare-and-set on the count we read, so concurrent bookings retry instead of overbooking.
      long changed =
          schools
              .updateOne(
                  Filters.and(
                      Filters.eq("_id", schoolId),
                      Filters.eq("onsiteDaysUsed", school.get().onsiteDaysUsed())),
                  Updates.inc("onsiteDaysUsed", 1))
              .getModifiedCount();
      if (changed == 1) {
        return true;
      }
    }
    return false;
  }
}
