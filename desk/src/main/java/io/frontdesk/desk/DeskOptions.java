package io.frontdesk.desk;

import io.frontdesk.core.config.Settings;

/**
 * The desk's tunables, read through {@link Settings} with documented defaults.
 *
 * @param autoCloseDays a resolved ticket closes itself after this many days unless reopened
 * @param duplicateThreshold token overlap at which a new report joins the requester's open ticket
 * @param majorThreshold token overlap at which a new report becomes a major incident's child
 * @param priorityMatrix impact × urgency rows, see {@link io.frontdesk.desk.ticket.PriorityMatrix}
 */
public record DeskOptions(
    int autoCloseDays,
    double duplicateThreshold,
    double majorThreshold,
    int maxTitle,
    int maxText,
    int maxComment,
    int maxTranscript,
    String priorityMatrix) {

  public static final String AUTO_CLOSE_DAYS = "FRONTDESK_DESK_AUTO_CLOSE_DAYS";
  public static final String DUPLICATE_PERCENT = "FRONTDESK_DESK_DUPLICATE_PERCENT";
  public static final String MAJOR_PERCENT = "FRONTDESK_DESK_MAJOR_PERCENT";
  public static final String PRIORITY_MATRIX = "FRONTDESK_DESK_PRIORITY_MATRIX";

  public static DeskOptions defaults() {
    return new DeskOptions(5, 0.6, 0.5, 200, 10_000, 5_000, 200_000, "1,2,3;2,3,4;3,4,4");
  }

  public static DeskOptions load(Settings s) {
    DeskOptions d = defaults();
    return new DeskOptions(
        s.integer(AUTO_CLOSE_DAYS, d.autoCloseDays(), 1, 90),
        s.integer(DUPLICATE_PERCENT, 60, 10, 100) / 100.0,
        s.integer(MAJOR_PERCENT, 50, 10, 100) / 100.0,
        d.maxTitle(),
        d.maxText(),
        d.maxComment(),
        d.maxTranscript(),
        s.string(PRIORITY_MATRIX, d.priorityMatrix()));
  }
}
