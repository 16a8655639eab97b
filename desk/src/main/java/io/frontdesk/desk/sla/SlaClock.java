package io.frontdesk.desk.sla;

import java.time.Instant;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The SLA arithmetic of one ticket. The clock counts business minutes since the ticket was logged,
 * minus the business minutes spent pending. Warning at 75 % of the resolution target, breach at 100
 * %. The state is kept on the ticket (sub-document {@code sla}) so queues can sort by due time and
 * the monitor finds due work by index ({@code sla.nextCheckAt}).
 */
public final class SlaClock {
  public static final double WARN_AT = 0.75;

  private final Supplier<BusinessCalendar> calendar;
  private final Supplier<SlaPolicy> policy;

  /** A clock with a fixed calendar and policy. */
  public SlaClock(BusinessCalendar calendar, SlaPolicy policy) {
    this(() -> calendar, () -> policy);
  }

  /**
   * A clock whose calendar and policy can change at run time (the admin API edits them; see {@link
   * io.frontdesk.desk.config.DeskConfigService}). Each call reads the current ones.
   */
  public SlaClock(Supplier<BusinessCalendar> calendar, Supplier<SlaPolicy> policy) {
    this.calendar = calendar;
    this.policy = policy;
  }

  public BusinessCalendar calendar() {
    return calendar.get();
  }

  public SlaPolicy policy() {
    return policy.get();
  }

  /** A fresh clock for a ticket logged at {@code created}. */
  public Document start(String priority, String service, Instant created) {
    SlaTarget t = policy().target(priority, service);
    Document sla =
        new Document("priority", priority)
            .append("responseMinutes", t.responseMinutes())
            .append("resolutionMinutes", t.resolutionMinutes())
            .append("startedAt", java.util.Date.from(created))
            .append("pausedMinutes", 0L)
            .append("pausedSince", null)
            .append("state", "ok")
            .append("responseBreached", false)
            .append("respondedAt", null);
    return schedule(sla, created);
  }

  /** Business minutes counted against the target at {@code now}. */
  public long elapsed(Document sla, Instant now) {
    Instant started = sla.getDate("startedAt").toInstant();
    long paused = sla.get("pausedMinutes", Number.class).longValue();
    if (sla.getDate("pausedSince") != null) {
      Instant since = sla.getDate("pausedSince").toInstant();
      paused += calendar().minutesBetween(since, now);
    }
    return Math.max(0, calendar().minutesBetween(started, now) - paused);
  }

  /** Percentage of the resolution target used (may exceed 100). */
  public int percentUsed(Document sla, Instant now) {
    long target = sla.get("resolutionMinutes", Number.class).longValue();
    return (int) Math.min(9999, elapsed(sla, now) * 100 / target);
  }

  /** Stops the clock (ticket went pending). */
  public Document pause(Document sla, Instant now) {
    if (sla.getDate("pausedSince") == null) {
      sla.put("pausedSince", java.util.Date.from(now));
    }
    sla.put("nextCheckAt", null);
    return sla;
  }

  /** Restarts the clock; the pending time is added to the paused total and due times move out. */
  public Document resume(Document sla, Instant now) {
    if (sla.getDate("pausedSince") != null) {
      long add = calendar().minutesBetween(sla.getDate("pausedSince").toInstant(), now);
      sla.put("pausedMinutes", sla.get("pausedMinutes", Number.class).longValue() + add);
      sla.put("pausedSince", null);
    }
    return schedule(sla, now);
  }

  /** First agent response: the response target is met (or was already breached). */
  public Document responded(Document sla, Instant now) {
    if (sla.getDate("respondedAt") == null) {
      sla.put("respondedAt", java.util.Date.from(now));
    }
    return schedule(sla, now);
  }

  /** The clock is finished (resolved): no more checks. */
  public Document stop(Document sla, Instant now) {
    sla.put(
        "breachedAtResolution",
        elapsed(sla, now) > sla.get("resolutionMinutes", Number.class).longValue());
    sla.put("stoppedAt", java.util.Date.from(now));
    sla.put("nextCheckAt", null);
    return sla;
  }

  /**
   * Re-evaluates the state at {@code now}: returns the new state name ("ok", "warning", "breached")
   * and updates {@code state}, {@code responseBreached} and the next check time.
   */
  public String evaluate(Document sla, Instant now) {
    long target = sla.get("resolutionMinutes", Number.class).longValue();
    long used = elapsed(sla, now);
    String state = used >= target ? "breached" : used * 4 >= target * 3 ? "warning" : "ok";
    sla.put("state", state);
    if (sla.getDate("respondedAt") == null
        && used >= sla.get("responseMinutes", Number.class).longValue()) {
      sla.put("responseBreached", true);
    }
    schedule(sla, now);
    return state;
  }

  /** Due times from the current paused total; the next check is the earliest pending threshold. */
  private Document schedule(Document sla, Instant now) {
    if (sla.getDate("pausedSince") != null || sla.getDate("stoppedAt") != null) {
      sla.put("nextCheckAt", null);
      return sla;
    }
    Instant started = sla.getDate("startedAt").toInstant();
    long paused = sla.get("pausedMinutes", Number.class).longValue();
    long target = sla.get("resolutionMinutes", Number.class).longValue();
    long response = sla.get("responseMinutes", Number.class).longValue();
    BusinessCalendar cal = calendar();
    Instant responseDue = cal.plusMinutes(started, response + paused);
    Instant warnAt = cal.plusMinutes(started, (long) Math.ceil(target * WARN_AT) + paused);
    Instant due = cal.plusMinutes(started, target + paused);
    sla.put("responseDue", java.util.Date.from(responseDue));
    sla.put("warnAt", java.util.Date.from(warnAt));
    sla.put("resolutionDue", java.util.Date.from(due));
    Instant next = null;
    String state = sla.getString("state");
    if ("ok".equals(state)) {
      next = warnAt;
    } else if ("warning".equals(state)) {
      next = due;
    }
    if (sla.getDate("respondedAt") == null && !sla.getBoolean("responseBreached", false)) {
      next = next == null || responseDue.isBefore(next) ? responseDue : next;
    }
    sla.put("nextCheckAt", next == null ? null : java.util.Date.from(next));
    return sla;
  }
}
