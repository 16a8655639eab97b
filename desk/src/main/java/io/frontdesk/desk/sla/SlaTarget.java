package io.frontdesk.desk.sla;

/** Response and resolution targets, in business minutes. */
public record SlaTarget(long responseMinutes, long resolutionMinutes) {
  public SlaTarget {
    if (responseMinutes <= 0 || resolutionMinutes <= 0) {
      throw new IllegalArgumentException("SLA targets must be positive");
    }
  }
}
