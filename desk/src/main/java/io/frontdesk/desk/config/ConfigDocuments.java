package io.frontdesk.desk.config;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.sla.BusinessCalendar;
import io.frontdesk.desk.sla.SlaPolicy;
import io.frontdesk.desk.sla.SlaTarget;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The stored and wire form of the business calendar and the SLA policy, with validation that names
 * the field to fix. The same shape is stored in {@code desk_config} and sent over the admin API.
 */
final class ConfigDocuments {
  private ConfigDocuments() {}

  static Document calendar(BusinessCalendar c) {
    List<String> days = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (c.workingDays().contains(d)) {
        days.add(d.name());
      }
    }
    return new Document("zone", c.zone().getId())
        .append("open", c.open().toString())
        .append("close", c.close().toString())
        .append("workingDays", days)
        .append("holidays", new TreeSet<>(c.holidays()).stream().map(LocalDate::toString).toList());
  }

  static BusinessCalendar calendar(Document d) {
    ZoneId zone;
    try {
      zone = ZoneId.of(string(d, "zone"));
    } catch (DateTimeException e) {
      throw ApiException.badRequest("zone must be a time zone id such as Europe/London");
    }
    LocalTime open = time(d, "open");
    LocalTime close = time(d, "close");
    if (!close.isAfter(open)) {
      throw ApiException.badRequest("close must be after open (both HH:MM, same day)");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String s : strings(d, "workingDays")) {
      try {
        days.add(DayOfWeek.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "workingDays must list days of the week (MONDAY ... SUNDAY); '" + s + "' is not one");
      }
    }
    if (days.isEmpty()) {
      throw ApiException.badRequest("workingDays must name at least one day");
    }
    Set<LocalDate> holidays = new TreeSet<>();
    for (String s : strings(d, "holidays")) {
      try {
        holidays.add(LocalDate.parse(s.trim()));
      } catch (DateTimeException e) {
        throw ApiException.badRequest("holidays must be dates like 2026-12-25; '" + s + "' is not");
      }
    }
    if (holidays.size() > 1000) {
      throw ApiException.badRequest("holidays may list at most 1000 dates");
    }
    return new BusinessCalendar(zone, open, close, days, holidays);
  }

  static Document policy(SlaPolicy p) {
    Document byService = new Document();
    new java.util.TreeMap<>(p.byService()).forEach((s, m) -> byService.append(s, targets(m)));
    return new Document("byPriority", targets(p.byPriority())).append("byService", byService);
  }

  private static Document targets(Map<String, SlaTarget> m) {
    Document out = new Document();
    new java.util.TreeMap<>(m)
        .forEach(
            (prio, t) ->
                out.append(
                    prio,
                    new Document("responseMinutes", t.responseMinutes())
                        .append("resolutionMinutes", t.resolutionMinutes())));
    return out;
  }

  static SlaPolicy policy(Document d) {
    Map<String, SlaTarget> byPriority = targets(document(d, "byPriority"), "byPriority", true);
    Map<String, Map<String, SlaTarget>> byService = new LinkedHashMap<>();
    Document services = d.get("byService") == null ? new Document() : document(d, "byService");
    for (String service : services.keySet()) {
      if (service.isBlank() || service.length() > 200) {
        throw ApiException.badRequest("byService keys must be service names (1 to 200 characters)");
      }
      byService.put(
          service.toLowerCase(Locale.ROOT),
          targets(document(services, service), "byService." + service, false));
    }
    return new SlaPolicy(byPriority, byService);
  }

  private static Map<String, SlaTarget> targets(Document d, String field, boolean all) {
    Map<String, SlaTarget> out = new LinkedHashMap<>();
    for (String prio : d.keySet()) {
      if (!prio.matches("P[1-4]")) {
        throw ApiException.badRequest(field + " keys must be P1, P2, P3 or P4, not '" + prio + "'");
      }
      Document t = document(d, prio);
      long response = minutes(t, field + "." + prio + ".responseMinutes");
      long resolution = minutes(t, field + "." + prio + ".resolutionMinutes");
      if (resolution < response) {
        throw ApiException.badRequest(
            field + "." + prio + ".resolutionMinutes must not be less than responseMinutes");
      }
      out.put(prio, new SlaTarget(response, resolution));
    }
    if (all) {
      for (String p : List.of("P1", "P2", "P3", "P4")) {
        if (!out.containsKey(p)) {
          throw ApiException.badRequest(field + " needs targets for P1, P2, P3 and P4");
        }
      }
    }
    return out;
  }

  private static long minutes(Document t, String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    Object v = t.get(key);
    if (!(v instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < 1
        || n.longValue() > 525_600) {
      throw ApiException.badRequest(path + " must be a whole number of minutes from 1 to 525600");
    }
    return n.longValue();
  }

  static String string(Document d, String key) {
    Object v = d.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.badRequest(key + " is required and must be a string");
    }
    return s.trim();
  }

  private static LocalTime time(Document d, String key) {
    String s = string(d, key);
    try {
      return LocalTime.parse(s);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(key + " must be a time of day like 08:30");
    }
  }

  static List<String> strings(Document d, String key) {
    Object v = d.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw ApiException.badRequest(key + " must be a list of strings");
    }
    return l.stream().map(String.class::cast).toList();
  }

  static Document document(Document d, String key) {
    Object v = d.get(key);
    if (!(v instanceof Document x)) {
      throw ApiException.badRequest(key + " is required and must be an object");
    }
    return x;
  }
}
