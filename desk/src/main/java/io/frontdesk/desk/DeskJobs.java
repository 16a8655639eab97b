package io.frontdesk.desk;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.sla.Lease;
import io.frontdesk.desk.sla.SlaMonitor;
import io.frontdesk.desk.ticket.TicketLifecycle;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's periodic work: the SLA clock check and auto-closing resolved tickets. Each round first
 * takes the {@value #LEASE} lease in the store, so with several server processes exactly one does
 * the work; the lease outlives a round by a margin and is renewed by its holder.
 */
public final class DeskJobs {
  private static final Logger LOG = LoggerFactory.getLogger(DeskJobs.class);
  public static final String LEASE = "desk-jobs";

  private final Blocking blocking;
  private final Lease lease;
  private final SlaMonitor monitor;
  private final TicketLifecycle lifecycle;
  private final Clock clock;
  private final long periodMs;
  private final String owner = "desk-" + UUID.randomUUID();
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;

  public DeskJobs(
      Blocking blocking,
      Lease lease,
      SlaMonitor monitor,
      TicketLifecycle lifecycle,
      Clock clock,
      long periodMs) {
    this.blocking = blocking;
    this.lease = lease;
    this.monitor = monitor;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.periodMs = periodMs;
  }

  public void start() {
    timer =
        blocking
            .vertx()
            .setPeriodic(
                periodMs,
                id -> {
                  if (running.compareAndSet(false, true)) {
                    blocking
                        .run(this::round)
                        .onComplete(
                            ar -> {
                              running.set(false);
                              if (ar.failed()) {
                                LOG.warn("Desk jobs round failed: {}", ar.cause().toString());
                              }
                            });
                  }
                });
  }

  /** One round, if this process holds the lease. Returns true if it did the work. Blocking. */
  public boolean round() {
    if (!lease.tryAcquire(LEASE, owner, clock.instant(), periodMs * 3)) {
      return false;
    }
    var alerts = monitor.check();
    int closed = lifecycle.autoClose();
    if (!alerts.isEmpty() || closed > 0) {
      LOG.info("Desk jobs: {} SLA alerts, {} tickets auto-closed", alerts.size(), closed);
    }
    return true;
  }

  public void stop() {
    if (timer >= 0) {
      blocking.vertx().cancelTimer(timer);
    }
    try {
      lease.release(LEASE, owner);
    } catch (RuntimeException ignored) {
      // The lease expires by itself.
    }
  }
}
