package io.frontdesk.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SlaArithmeticTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  final BusinessCalendar cal = BusinessCalendar.councilDefault();
  final SlaClock clock = new SlaClock(cal, SlaPolicy.councilDefault());

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(LONDON).toInstant();
  }

  @Test
  void withinOneWorkingDay() {
    assertThat(cal.minutesBetween(at("2026-03-02T09:00"), at("2026-03-02T10:30"))).isEqualTo(90);
    assertThat(cal.plusMinutes(at("2026-03-02T09:00"), 90)).isEqualTo(at("2026-03-02T10:30"));
  }

  @Test
  void nightsDoNotCount() {
    // Monday 16:00 + 2h = one hour Monday, one hour Tuesday from 08:30.
    assertThat(cal.plusMinutes(at("2026-03-02T16:00"), 120)).isEqualTo(at("2026-03-03T09:30"));
    assertThat(cal.minutesBetween(at("2026-03-02T16:00"), at("2026-03-03T09:30"))).isEqualTo(120);
    // Logged at 22:00: the clock starts at 08:30 next morning.
    assertThat(cal.plusMinutes(at("2026-03-02T22:00"), 30)).isEqualTo(at("2026-03-03T09:00"));
    assertThat(cal.minutesBetween(at("2026-03-02T18:00"), at("2026-03-03T08:00"))).isZero();
  }

  @Test
  void weekendsDoNotCount() {
    // Friday 16:30 + 1h = 30 min Friday, 30 min Monday.
    assertThat(cal.plusMinutes(at("2026-03-06T16:30"), 60)).isEqualTo(at("2026-03-09T09:00"));
    assertThat(cal.minutesBetween(at("2026-03-07T10:00"), at("2026-03-08T15:00"))).isZero();
    // A full working week is 5 × 510 minutes.
    assertThat(cal.minutesBetween(at("2026-03-02T08:30"), at("2026-03-09T08:30")))
        .isEqualTo(5 * 510);
  }

  @Test
  void bankHolidaysDoNotCount() {
    // Thursday 2 April 2026 16:00 + 2h: Good Friday 3 April, the weekend and Easter Monday 6 April
    // are skipped, so the clock resumes Tuesday 7 April.
    assertThat(cal.plusMinutes(at("2026-04-02T16:00"), 120)).isEqualTo(at("2026-04-07T09:30"));
    assertThat(cal.minutesBetween(at("2026-04-02T16:00"), at("2026-04-07T09:30"))).isEqualTo(120);
    // Christmas 2026: 25th Friday, 28th the substitute day.
    assertThat(cal.plusMinutes(at("2026-12-24T16:00"), 120)).isEqualTo(at("2026-12-29T09:30"));
    assertThat(cal.isWorkingDay(java.time.LocalDate.of(2027, 8, 30))).isFalse();
  }

  @Test
  void britishSummerTimeKeepsLocalHours() {
    // Clocks go forward on Sunday 29 March 2026; working hours stay 08:30-17:00 local.
    assertThat(cal.plusMinutes(at("2026-03-27T16:30"), 60)).isEqualTo(at("2026-03-30T09:00"));
  }

  @Test
  void pausesStopTheClockAndMoveTheDueTime() {
    Instant start = at("2026-03-02T09:00");
    Document s = clock.start("P2", null, start); // 60 min response, 510 min resolution
    assertThat(s.getDate("resolutionDue").toInstant()).isEqualTo(at("2026-03-03T09:00"));
    clock.pause(s, at("2026-03-02T10:00"));
    assertThat(s.getDate("nextCheckAt")).isNull();
    assertThat(clock.elapsed(s, at("2026-03-02T15:00"))).isEqualTo(60);
    // Resumed next morning at 10:00: pending time was 10:00-17:00 and 08:30-10:00 = 510 minutes.
    clock.resume(s, at("2026-03-03T10:00"));
    assertThat(s.get("pausedMinutes", Number.class).longValue()).isEqualTo(510);
    assertThat(clock.elapsed(s, at("2026-03-03T10:00"))).isEqualTo(60);
    assertThat(s.getDate("resolutionDue").toInstant()).isEqualTo(at("2026-03-04T09:00"));
  }

  @Test
  void warningAtThreeQuartersBreachAtFull() {
    Instant start = at("2026-03-02T09:00");
    Document s = clock.start("P1", null, start); // 240 min resolution
    assertThat(clock.evaluate(s, at("2026-03-02T11:59"))).isEqualTo("ok");
    assertThat(clock.evaluate(s, at("2026-03-02T12:00"))).isEqualTo("warning");
    assertThat(s.getBoolean("responseBreached")).isTrue(); // 15-minute response target long gone
    assertThat(clock.evaluate(s, at("2026-03-02T13:00"))).isEqualTo("breached");
    assertThat(s.getDate("nextCheckAt")).isNull();
  }
}
