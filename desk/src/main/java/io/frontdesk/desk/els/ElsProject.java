package io.frontdesk.desk.els;

import io.frontdesk.desk.routing.Words;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * An Early Life Support project: for its window, calls about its services, applications or keywords
 * go to its ELS team, and are handed over to the project team.
 *
 * @param afterWindow what happens to open ELS tickets when the window closes: "stay" or "move"
 */
public record ElsProject(
    String id,
    String name,
    List<String> services,
    List<String> applications,
    List<String> keywords,
    Instant start,
    Instant end,
    String elsGroupId,
    String projectGroupId,
    String ownerId,
    String afterWindow,
    boolean closed) {

  public ElsProject {
    services = List.copyOf(services);
    applications = List.copyOf(applications);
    keywords = List.copyOf(keywords);
  }

  public boolean inWindow(Instant now) {
    return !closed && !now.isBefore(start) && now.isBefore(end);
  }

  /** A ticket matches on its service, or on an application name or keyword in its text. */
  public boolean matches(String service, String text) {
    if (service != null && services.stream().anyMatch(s -> s.equalsIgnoreCase(service))) {
      return true;
    }
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return applications.stream()
            .anyMatch(a -> Words.containsPhrase(lower, a.toLowerCase(Locale.ROOT)))
        || keywords.stream().anyMatch(k -> Words.containsPhrase(lower, k.toLowerCase(Locale.ROOT)));
  }

  public Document toDocument() {
    return new Document("_id", id)
        .append("name", name)
        .append("services", services)
        .append("applications", applications)
        .append("keywords", keywords)
        .append("start", Date.from(start))
        .append("end", Date.from(end))
        .append("elsGroupId", elsGroupId)
        .append("projectGroupId", projectGroupId)
        .append("ownerId", ownerId)
        .append("afterWindow", afterWindow)
        .append("closed", closed);
  }

  public static ElsProject fromDocument(Document d) {
    return new ElsProject(
        d.getString("_id"),
        d.getString("name"),
        d.getList("services", String.class, List.of()),
        d.getList("applications", String.class, List.of()),
        d.getList("keywords", String.class, List.of()),
        d.getDate("start").toInstant(),
        d.getDate("end").toInstant(),
        d.getString("elsGroupId"),
        d.getString("projectGroupId"),
        d.getString("ownerId"),
        d.getString("afterWindow") == null ? "stay" : d.getString("afterWindow"),
        d.getBoolean("closed", false));
  }
}
