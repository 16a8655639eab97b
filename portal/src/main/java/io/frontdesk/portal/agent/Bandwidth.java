package io.frontdesk.portal.agent;

import io.frontdesk.desk.routing.ResolverGroup;

/**
 * A group's open load against its capacity (the operating model asks request management to guard
 * against oversubscription): "ok", "warning" from {@code warnPercent} of capacity, "over" past it.
 */
public record Bandwidth(ResolverGroup group, long open, int percent, String state) {

  public static Bandwidth of(ResolverGroup g, long open, int warnPercent) {
    int cap = Math.max(1, g.capacity());
    int percent = (int) Math.min(999, Math.round(open * 100.0 / cap));
    String state = open > g.capacity() ? "over" : percent >= warnPercent ? "warning" : "ok";
    return new Bandwidth(g, open, percent, state);
  }

  public boolean over() {
    return "over".equals(state);
  }

  public boolean warning() {
    return "warning".equals(state);
  }

  public String label() {
    return over() ? "Oversubscribed" : warning() ? "Near capacity" : "Within capacity";
  }

  public String tagClass() {
    return over() ? "govuk-tag--red" : warning() ? "govuk-tag--orange" : "govuk-tag--green";
  }

  /** For the {@code <meter>}: capped at capacity so the bar reads "full" when over. */
  public long meterValue() {
    return Math.min(open, group.capacity());
  }
}
