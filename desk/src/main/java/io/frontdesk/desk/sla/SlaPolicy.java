package io.frontdesk.desk.sla;

import java.util.Locale;
import java.util.Map;

/**
 * Targets per priority (P1-P4), optionally overridden per service (e.g. a tighter resolution for
 * "Finance systems" during a go-live). A working day is 8.5 business hours (510 minutes).
 */
public record SlaPolicy(
    Map<String, SlaTarget> byPriority, Map<String, Map<String, SlaTarget>> byService) {
  public SlaPolicy {
    byPriority = Map.copyOf(byPriority);
    byService = Map.copyOf(byService);
    for (String p : new String[] {"P1", "P2", "P3", "P4"}) {
      if (!byPriority.containsKey(p)) {
        throw new IllegalArgumentException("the SLA policy needs a target for " + p);
      }
    }
  }

  public static SlaPolicy councilDefault() {
    return new SlaPolicy(
        Map.of(
            "P1", new SlaTarget(15, 240),
            "P2", new SlaTarget(60, 510),
            "P3", new SlaTarget(240, 3 * 510),
            "P4", new SlaTarget(510, 5 * 510)),
        Map.of());
  }

  public SlaTarget target(String priority, String service) {
    if (service != null) {
      Map<String, SlaTarget> s = byService.get(service.toLowerCase(Locale.ROOT));
      if (s != null && s.containsKey(priority)) {
        return s.get(priority);
      }
    }
    return byPriority.get(priority);
  }
}
