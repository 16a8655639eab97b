package io.frontdesk.desk.people;

import java.util.List;
import org.bson.Document;

/**
 * A school buying the traded IT service: one tenant of the schools desk.
 *
 * @param tier the subscription tier, e.g. Bronze, Silver, Gold
 * @param covered the services the subscription covers; anything else is chargeable
 * @param onsiteDaysIncluded on-site engineer days per year in the subscription
 * @param onsiteDaysUsed days already booked this year
 */
public record School(
    String id,
    String name,
    String tier,
    List<String> covered,
    int onsiteDaysIncluded,
    int onsiteDaysUsed) {

  public School {
    covered = List.copyOf(covered);
  }

  public boolean covers(String service) {
    return service != null && covered.stream().anyMatch(c -> c.equalsIgnoreCase(service));
  }

  public int onsiteDaysLeft() {
    return Math.max(0, onsiteDaysIncluded - onsiteDaysUsed);
  }

  public Document toDocument() {
    return new Document("_id", id)
        .append("name", name)
        .append("tier", tier)
        .append("covered", covered)
        .append("onsiteDaysIncluded", onsiteDaysIncluded)
        .append("onsiteDaysUsed", onsiteDaysUsed);
  }

  public static School fromDocument(Document d) {
    return new School(
        d.getString("_id"),
        d.getString("name"),
        d.getString("tier"),
        d.getList("covered", String.class, List.of()),
        d.getInteger("onsiteDaysIncluded", 0),
        d.getInteger("onsiteDaysUsed", 0));
  }
}
