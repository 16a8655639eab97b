package io.frontdesk.desk.ticket;

import io.frontdesk.desk.routing.Words;
import java.util.Date;
import java.util.Set;
import org.bson.Document;

/**
 * One ticket's queue row ({@link TicketSummary}) and lookup fields; text is kept as distinct word
 * tokens.
 */
record WorkingSetEntry(
    String ref, TicketSummary row, long due, long nextCheck, long resolvedAt, Set<String> tokens) {

  static WorkingSetEntry of(Document d) {
    Document sla = d.get("sla", Document.class);
    String text = d.getString("title") + "\n" + nz(d.getString("description"));
    return new WorkingSetEntry(
        d.getString("_id"),
        TicketSummary.of(d),
        millis(sla == null ? null : sla.getDate("resolutionDue"), Long.MIN_VALUE),
        millis(sla == null ? null : sla.getDate("nextCheckAt"), Long.MAX_VALUE),
        millis(d.getDate("resolvedAt"), Long.MAX_VALUE),
        // Interned: a desk's vocabulary is small, so each word is held once however many
        // tickets use it (the JVM drops an interned string no ticket refers to any more).
        Set.copyOf(Words.tokens(text).stream().map(String::intern).toList()));
  }

  /** By identity: {@link WordPostings} holds the very entry that is current for a ticket. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  String desk() {
    return row.desk();
  }

  String type() {
    return row.type();
  }

  String groupId() {
    return row.groupId();
  }

  String status() {
    return row.status();
  }

  String priority() {
    return row.priority();
  }

  String assigneeId() {
    return row.assigneeId();
  }

  String slaState() {
    return row.sla() == null ? null : row.sla().state();
  }

  long created() {
    return row.createdAt();
  }

  String requesterId() {
    return row.requesterId();
  }

  boolean major() {
    return row.majorIncident();
  }

  boolean catalogueItem() {
    return row.catalogueItemId() != null;
  }

  boolean open() {
    return !"resolved".equals(row.status());
  }

  private static long millis(Date d, long missing) {
    return d == null ? missing : d.getTime();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
