package io.frontdesk.portal.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * How a ticket's SLA clock reads on a page: a countdown to the resolution target ("4h 10m left",
 * "2h 5m overdue"), and a GOV.UK tag for its state. The state itself is the desk's (the SLA monitor
 * keeps {@code sla.state} current); this only formats it, and treats a passed due time as breached
 * in case the monitor has not run yet.
 *
 * @param label the tag text: "On track", "At risk", "Breached", "Paused", "Stopped" or "No SLA"
 * @param tagClass the GOV.UK tag colour modifier
 * @param countdown the time left or overdue, or "" when the clock is not running
 * @param warning true when the row should carry a breach warning (at risk or breached)
 */
public record SlaView(String label, String tagClass, String countdown, boolean warning) {

  public static SlaView of(Document sla, Instant now) {
    if (sla == null) {
      return new SlaView("No SLA", "govuk-tag--grey", "", false);
    }
    if (sla.getDate("stoppedAt") != null) {
      boolean late = sla.getBoolean("breachedAtResolution", false);
      return new SlaView(
          late ? "Resolved late" : "Met", late ? "govuk-tag--red" : "govuk-tag--green", "", false);
    }
    if (sla.getDate("pausedSince") != null) {
      return new SlaView("Paused", "govuk-tag--grey", "", false);
    }
    Date due = sla.getDate("resolutionDue");
    String state = sla.getString("state");
    Duration left = due == null ? null : Duration.between(now, due.toInstant());
    if ("breached".equals(state) || (left != null && left.isNegative())) {
      return new SlaView(
          "Breached",
          "govuk-tag--red",
          left == null ? "" : human(left.negated()) + " overdue",
          true);
    }
    String countdown = left == null ? "" : human(left) + " left";
    if ("warning".equals(state)) {
      return new SlaView("At risk", "govuk-tag--orange", countdown, true);
    }
    return new SlaView("On track", "govuk-tag--green", countdown, false);
  }

  /** "3d 4h", "4h 10m", "25m". */
  static String human(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (60 * 24);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    if (hours > 0) {
      return hours + "h " + mins + "m";
    }
    return mins + "m";
  }
}
