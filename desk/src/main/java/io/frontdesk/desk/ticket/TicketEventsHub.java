package io.frontdesk.desk.ticket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans each event out to the registered notifiers (the bot, the portal, e-mail register themselves
 * at wiring time) and logs one line per event: the reference and the kind only, never ticket text.
 * With nothing registered it is the logging no-op deploy starts with.
 */
public final class TicketEventsHub implements TicketEvents {
  private static final Logger LOG = LoggerFactory.getLogger(TicketEventsHub.class);
  private final List<TicketEvents> listeners = new CopyOnWriteArrayList<>();

  public void add(TicketEvents listener) {
    listeners.add(listener);
  }

  private void each(String kind, String reference, java.util.function.Consumer<TicketEvents> call) {
    LOG.info("Desk event {} {}", kind, reference);
    for (TicketEvents l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn(
            "Notifier {} failed on {} {}: {}",
            l.getClass().getSimpleName(),
            kind,
            reference,
            e.toString());
      }
    }
  }

  @Override
  public void created(Ticket t) {
    each("created", t.reference(), l -> l.created(t));
  }

  @Override
  public void statusChanged(Ticket t, TicketStatus from, TicketStatus to, String note) {
    each("status:" + to.wire(), t.reference(), l -> l.statusChanged(t, from, to, note));
  }

  @Override
  public void publicComment(Ticket t, String authorName, String text) {
    each("public-comment", t.reference(), l -> l.publicComment(t, authorName, text));
  }

  @Override
  public void linkedToExisting(Ticket existing, String requesterId) {
    each("linked-report", existing.reference(), l -> l.linkedToExisting(existing, requesterId));
  }

  @Override
  public void majorIncidentNotice(Ticket child, Ticket parent) {
    each("major-incident-notice", child.reference(), l -> l.majorIncidentNotice(child, parent));
  }

  @Override
  public void approvalRequested(Ticket t, String approvalId, List<String> approverIds) {
    each("approval-requested", t.reference(), l -> l.approvalRequested(t, approvalId, approverIds));
  }

  @Override
  public void approvalDecided(Ticket t, boolean approved, String comment) {
    each(
        approved ? "approved" : "rejected",
        t.reference(),
        l -> l.approvalDecided(t, approved, comment));
  }

  @Override
  public void csatSurvey(Ticket t) {
    each("csat-survey", t.reference(), l -> l.csatSurvey(t));
  }

  @Override
  public void slaAlert(Ticket t, String state) {
    each("sla-" + state, t.reference(), l -> l.slaAlert(t, state));
  }

  @Override
  public void handedOver(Ticket t, String projectName, String groupId, String note) {
    each("els-handover", t.reference(), l -> l.handedOver(t, projectName, groupId, note));
  }
}
