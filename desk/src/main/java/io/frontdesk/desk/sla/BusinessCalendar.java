package io.frontdesk.desk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working time for SLA clocks: the hours of a working day, the working days of the week and the
 * bank holidays, in one time zone (so the clocks change with British Summer Time). All SLA targets
 * count whole minutes inside these hours.
 */
public record BusinessCalendar(
    ZoneId zone,
    LocalTime open,
    LocalTime close,
    Set<DayOfWeek> workingDays,
    Set<LocalDate> holidays) {

  /** England and Wales bank holidays, 2026 and 2027 (gov.uk/bank-holidays). */
  public static final List<LocalDate> ENGLAND_AND_WALES_2026_2027 =
      List.of(
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 4, 3),
          LocalDate.of(2026, 4, 6),
          LocalDate.of(2026, 5, 4),
          LocalDate.of(2026, 5, 25),
          LocalDate.of(2026, 8, 31),
          LocalDate.of(2026, 12, 25),
          LocalDate.of(2026, 12, 28),
          LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 3, 26),
          LocalDate.of(2027, 3, 29),
          LocalDate.of(2027, 5, 3),
          LocalDate.of(2027, 5, 31),
          LocalDate.of(2027, 8, 30),
          LocalDate.of(2027, 12, 27),
          LocalDate.of(2027, 12, 28));

  public BusinessCalendar {
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("the working day must close after it opens");
    }
    workingDays = Set.copyOf(workingDays);
    holidays = Set.copyOf(new TreeSet<>(holidays));
  }

  /** 08:30 to 17:00, Monday to Friday, Europe/London, England and Wales bank holidays. */
  public static BusinessCalendar councilDefault() {
    return new BusinessCalendar(
        ZoneId.of("Europe/London"),
        LocalTime.of(8, 30),
        LocalTime.of(17, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        Set.copyOf(ENGLAND_AND_WALES_2026_2027));
  }

  public boolean isWorkingDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** Business minutes in [from, to); zero when to is not after from. */
  public long minutesBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    long total = 0;
    for (LocalDate d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      Instant dayOpen = d.atTime(open).atZone(zone).toInstant();
      Instant dayClose = d.atTime(close).atZone(zone).toInstant();
      Instant s = from.isAfter(dayOpen) ? from : dayOpen;
      Instant e = to.isBefore(dayClose) ? to : dayClose;
      if (e.isAfter(s)) {
        total += ChronoUnit.SECONDS.between(s, e);
      }
    }
    return total / 60;
  }

  /** The instant at which {@code minutes} business minutes have passed since {@code start}. */
  public Instant plusMinutes(Instant start, long minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative");
    }
    long left = minutes * 60;
    LocalDate d = start.atZone(zone).toLocalDate();
    for (int guard = 0; guard < 366 * 20; guard++, d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      Instant dayOpen = d.atTime(open).atZone(zone).toInstant();
      Instant dayClose = d.atTime(close).atZone(zone).toInstant();
      Instant s = start.isAfter(dayOpen) ? start : dayOpen;
      if (!dayClose.isAfter(s)) {
        continue;
      }
      long available = ChronoUnit.SECONDS.between(s, dayClose);
      if (left == 0) {
        return s;
      }
      if (left <= available) {
        return s.plusSeconds(left);
      }
      left -= available;
    }
    throw new IllegalStateException("no working time within twenty years of " + start);
  }
}
