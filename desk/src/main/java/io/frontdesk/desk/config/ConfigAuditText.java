package io.frontdesk.desk.config;

import io.frontdesk.desk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.util.TreeSet;

/** The audit trail's words for a calendar change: what it is now and which holidays moved. */
final class ConfigAuditText {
  private ConfigAuditText() {}

  static String calendar(BusinessCalendar before, BusinessCalendar after) {
    TreeSet<LocalDate> added = new TreeSet<>(after.holidays());
    added.removeAll(before.holidays());
    TreeSet<LocalDate> removed = new TreeSet<>(before.holidays());
    removed.removeAll(after.holidays());
    StringBuilder s =
        new StringBuilder()
            .append(after.open())
            .append('-')
            .append(after.close())
            .append(' ')
            .append(after.zone().getId())
            .append(", working days ")
            .append(new TreeSet<>(after.workingDays()));
    if (!added.isEmpty()) {
      s.append(", bank holidays added ").append(added);
    }
    if (!removed.isEmpty()) {
      s.append(", bank holidays removed ").append(removed);
    }
    return s.toString();
  }
}
