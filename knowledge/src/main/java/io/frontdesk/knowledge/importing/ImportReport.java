package io.frontdesk.knowledge.importing;

import java.util.List;

/** What an import did: counts, and a reason for every rejected file or row. */
public record ImportReport(int added, int updated, List<Rejection> rejected) {
  /** One file or row that was not imported, and why. */
  public record Rejection(String source, String reason) {}

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
