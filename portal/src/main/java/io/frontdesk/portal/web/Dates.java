package io.frontdesk.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK style writes them: "3 March 2026, 2:05pm", in UK time. */
public final class Dates {
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK).withZone(UK);

  private Dates() {}

  public static String format(Instant t) {
    return t == null ? "" : FORMAT.format(t).replace("AM", "am").replace("PM", "pm");
  }
}
