package io.frontdesk.desk.routing;

import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * Sends a ticket to a group when its desk matches and any of its services, categories or keywords
 * match (empty lists match nothing; a rule with no conditions matches everything on its desk).
 * Rules are tried in {@code order}; the first match wins.
 */
public record RoutingRule(
    String id,
    int order,
    String desk,
    List<String> services,
    List<String> categories,
    List<String> keywords,
    String groupId) {

  public RoutingRule {
    services = List.copyOf(services);
    categories = List.copyOf(categories);
    keywords = List.copyOf(keywords);
  }

  public boolean matches(String ticketDesk, String service, String category, String text) {
    if (!desk.equals(ticketDesk)) {
      return false;
    }
    if (services.isEmpty() && categories.isEmpty() && keywords.isEmpty()) {
      return true;
    }
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return services.stream().anyMatch(s -> s.equalsIgnoreCase(service))
        || categories.stream().anyMatch(c -> c.equalsIgnoreCase(category))
        || keywords.stream().anyMatch(k -> Words.containsPhrase(lower, k.toLowerCase(Locale.ROOT)));
  }

  public Document toDocument() {
    return new Document("_id", id)
        .append("order", order)
        .append("desk", desk)
        .append("services", services)
        .append("categories", categories)
        .append("keywords", keywords)
        .append("groupId", groupId);
  }

  public static RoutingRule fromDocument(Document d) {
    return new RoutingRule(
        d.getString("_id"),
        d.getInteger("order", 100),
        d.getString("desk"),
        d.getList("services", String.class, List.of()),
        d.getList("categories", String.class, List.of()),
        d.getList("keywords", String.class, List.of()),
        d.getString("groupId"));
  }
}
