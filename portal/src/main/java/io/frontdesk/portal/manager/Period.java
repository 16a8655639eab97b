package io.frontdesk.portal.manager;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.portal.web.Forms;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The reporting period of the managers' dashboard: the last 7, 30, 90 or 365 days, or the dates
 * chosen, in whole UTC days; and the step of its trend charts (a day, or a week for long periods).
 *
 * @param firstDay the first day included
 * @param lastDay the last day included
 */
public record Period(LocalDate firstDay, LocalDate lastDay, int preset) {
  static final int MAX_DAYS = 366;
  static final int[] PRESETS = {7, 30, 90, 365};

  /** From {@code ?period=N} or {@code ?from=yyyy-mm-dd&to=yyyy-mm-dd}; 400 naming the field. */
  public static Period from(RoutingContext ctx, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String from = Forms.param(ctx, "from");
    String to = Forms.param(ctx, "to");
    if (!from.isEmpty() || !to.isEmpty()) {
      LocalDate a = date("from", from);
      LocalDate b = to.isEmpty() ? today : date("to", to);
      if (b.isBefore(a)) {
        throw ApiException.badRequest("to must be on or after from");
      }
      if (ChronoUnit.DAYS.between(a, b) >= MAX_DAYS) {
        throw ApiException.badRequest("from and to must be at most " + MAX_DAYS + " days apart");
      }
      return new Period(a, b, 0);
    }
    String p = Forms.param(ctx, "period");
    int days = 30;
    if (!p.isEmpty()) {
      days = -1;
      for (int preset : PRESETS) {
        if (Integer.toString(preset).equals(p)) {
          days = preset;
        }
      }
      if (days < 0) {
        throw ApiException.badRequest("period must be 7, 30, 90 or 365 (days)");
      }
    }
    return new Period(today.minusDays(days - 1L), today, days);
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be a date like 2026-03-31");
    }
  }

  public Instant start() {
    return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public Instant end() {
    return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public long days() {
    return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
  }

  /** A day for up to a month, else a week. */
  public Duration step() {
    return days() <= 31 ? Duration.ofDays(1) : Duration.ofDays(7);
  }

  /** The query string that selects this period again (for links and CSV downloads). */
  public String query() {
    return preset > 0 ? "period=" + preset : "from=" + firstDay + "&to=" + lastDay;
  }

  public String label() {
    return preset > 0
        ? "the last " + preset + " days (" + firstDay + " to " + lastDay + ")"
        : firstDay + " to " + lastDay;
  }
}
