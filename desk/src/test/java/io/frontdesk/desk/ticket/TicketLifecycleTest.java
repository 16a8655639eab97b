package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.sla.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
  final DeskFixture f = new DeskFixture();
  final TicketService tickets = f.desk.tickets();
  final TicketLifecycle life = f.desk.lifecycle();
  final Principal priya = f.user("u-priya-shah");
  final Principal tom = f.user("u-tom-hughes");
  final Principal gareth = f.user("u-gareth-lloyd");

  @AfterEach
  void close() {
    f.close();
  }

  Ticket raise(Principal p, String service, String title) {
    return tickets.create(p, NewTicket.incident(Channel.TEAMS, service, title, null)).ticket();
  }

  @Test
  void createsWithPriorityRoutingSlaAndAnEvent() {
    Ticket t =
        tickets
            .create(
                priya,
                NewTicket.incident(
                        Channel.TEAMS,
                        "network and wi-fi",
                        "VPN drops every ten minutes",
                        "Since this morning")
                    .withImpactUrgency(2, 1))
            .ticket();
    assertThat(t.reference()).matches("INC-\\d{6}");
    assertThat(t.priority()).isEqualTo("P2");
    assertThat(t.service()).isEqualTo("Network and Wi-Fi");
    assertThat(t.groupId()).isEqualTo("network");
    assertThat(t.desk()).isEqualTo("staff");
    assertThat(t.status()).isEqualTo(TicketStatus.NEW);
    assertThat(t.sla().getDate("resolutionDue")).isNotNull();
    assertThat(tickets.history(gareth, t.reference()))
        .extracting(d -> d.getString("type"))
        .containsExactly("created");
  }

  @Test
  void badInputIsA400AndWritesNothing() {
    long before = tickets.repository().count(new Document());
    assertThatThrownBy(() -> raise(priya, "Time travel", "x"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not in the catalogue");
    assertThatThrownBy(() -> raise(priya, "Printing", " "))
        .hasMessageContaining("title is required");
    assertThatThrownBy(() -> raise(priya, "Printing", "x".repeat(201)))
        .hasMessageContaining("200 characters or fewer");
    assertThatThrownBy(
            () ->
                tickets.create(
                    priya,
                    NewTicket.incident(Channel.API, "Printing", "Printer", null)
                        .withImpactUrgency(0, 4)))
        .hasMessageContaining("impact must be 1");
    assertThat(tickets.repository().count(new Document())).isEqualTo(before);
  }

  @Test
  void lifecycleValidatesEveryMove() {
    Ticket t = raise(priya, "Printing", "Printer on floor 2 jams");
    ApiException illegal =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class,
            () ->
                life.transition(gareth, t.reference(), TicketStatus.CLOSED, null, Channel.PORTAL));
    assertThat(illegal.status()).isEqualTo(409);
    assertThat(illegal.getMessage()).contains("cannot move to closed").contains("assigned");
    life.assign(gareth, t.reference(), "euc", null, Channel.PORTAL);
    Ticket assigned =
        life.assign(gareth, t.reference(), "service-desk", "u-gareth-lloyd", Channel.PORTAL);
    assertThat(assigned.status()).isEqualTo(TicketStatus.ASSIGNED);
    assertThat(assigned.reassignments())
        .isEqualTo(1); // routed to euc by rule; moving to the desk counts once
    life.transition(gareth, t.reference(), TicketStatus.IN_PROGRESS, null, Channel.PORTAL);
    Ticket pending =
        life.transition(
            gareth,
            t.reference(),
            TicketStatus.PENDING,
            "Waiting for the printer's asset tag",
            Channel.PORTAL);
    assertThat(pending.sla().getDate("pausedSince")).isNotNull();
    // The requester answers: the ticket moves back by itself.
    assertThatThrownBy(
            () -> life.transition(gareth, t.reference(), TicketStatus.RESOLVED, "", Channel.PORTAL))
        .hasMessageContaining("note is required");
    Ticket resolved =
        life.transition(
            gareth,
            t.reference(),
            TicketStatus.RESOLVED,
            "Replaced the fuser unit",
            Channel.PORTAL);
    assertThat(resolved.document().getInteger("resolvedByLevel")).isEqualTo(1);
    assertThat(f.notices).contains("csat:" + t.reference());
    // Requesters may not move tickets about, but may reopen a resolved one.
    assertThatThrownBy(
            () ->
                life.transition(
                    priya, t.reference(), TicketStatus.IN_PROGRESS, null, Channel.TEAMS))
        .isInstanceOf(ApiException.class);
    Ticket reopened = life.reopen(priya, t.reference(), "Still jamming", Channel.TEAMS);
    assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    life.transition(
        gareth, t.reference(), TicketStatus.RESOLVED, "Replaced the roller too", Channel.PORTAL);
    f.clock.advance(Duration.ofDays(6));
    assertThat(life.autoClose()).isEqualTo(1);
    assertThat(tickets.get(priya, t.reference()).status()).isEqualTo(TicketStatus.CLOSED);
    List<String> kinds =
        tickets.history(gareth, t.reference()).stream().map(d -> d.getString("type")).toList();
    assertThat(kinds).contains("created", "reassigned", "status");
    assertThat(
            tickets
                .history(gareth, t.reference())
                .get(tickets.history(gareth, t.reference()).size() - 1)
                .getString("channel"))
        .isEqualTo("system");
  }

  @Test
  void requestersSeeOnlyTheirOwnTicketsAndPublicComments() {
    Ticket t = raise(priya, "Printing", "Toner empty");
    assertThatThrownBy(() -> tickets.get(tom, t.reference()))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(404);
    tickets.comment(
        gareth, t.reference(), "Checked stock; new toner ordered", true, Channel.PORTAL);
    tickets.comment(gareth, t.reference(), "Supplier is slow this week", false, Channel.PORTAL);
    assertThat(tickets.comments(priya, t.reference())).hasSize(1);
    assertThat(tickets.comments(gareth, t.reference())).hasSize(2);
    assertThatThrownBy(() -> tickets.comment(priya, t.reference(), "note", false, Channel.TEAMS))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(403);
    assertThat(f.notices).contains("comment:" + t.reference());
    assertThat(tickets.get(priya, t.reference()).sla().getDate("respondedAt")).isNotNull();
  }

  @Test
  void secretsNeverReachTheStore() {
    Ticket t =
        tickets
            .create(
                priya,
                NewTicket.incident(
                        Channel.TEAMS,
                        "Accounts and access",
                        "Locked out",
                        "my temporary password is Xy7!pq, it fails")
                    .withTranscript("bot: your one-time code is 123456"))
            .ticket();
    assertThat(t.description()).doesNotContain("Xy7!pq").contains(TextGuard.REDACTED);
    assertThat(t.transcript()).doesNotContain("123456");
  }

  @Test
  void tellUsOnceLinksARepeatReport() {
    Ticket first = raise(priya, "Email and calendar", "Outlook will not sync my calendar");
    CreateResult again =
        tickets.create(
            priya,
            NewTicket.incident(
                Channel.PORTAL, "Email and calendar", "Outlook calendar will not sync", null));
    assertThat(again.linkedToExisting()).isTrue();
    assertThat(again.ticket().reference()).isEqualTo(first.reference());
    assertThat(tickets.comments(priya, first.reference())).hasSize(1);
    // A different person or a different problem gets a ticket of their own.
    assertThat(
            tickets
                .create(
                    tom,
                    NewTicket.incident(
                        Channel.PORTAL,
                        "Email and calendar",
                        "Outlook calendar will not sync",
                        null))
                .linkedToExisting())
        .isFalse();
    assertThat(
            tickets
                .create(
                    priya,
                    NewTicket.incident(
                        Channel.PORTAL, "Printing", "Printer offline on floor three", null))
                .linkedToExisting())
        .isFalse();
  }

  @Test
  void majorIncidentChildrenAreToldAndResolvedWithTheParent() {
    Ticket parent = raise(tom, "Email and calendar", "Email is down for everyone at County Hall");
    life.declareMajorIncident(gareth, parent.reference(), Channel.PORTAL);
    CreateResult child =
        tickets.create(
            priya,
            NewTicket.incident(
                Channel.TEAMS,
                "Email and calendar",
                "Email down at County Hall",
                "cannot send anything"));
    assertThat(child.majorIncident().reference()).isEqualTo(parent.reference());
    assertThat(child.ticket().parentId()).isEqualTo(parent.reference());
    assertThat(f.notices)
        .contains("major:" + child.ticket().reference() + ":" + parent.reference());
    life.transition(
        gareth, parent.reference(), TicketStatus.RESOLVED, "Mail relay restarted", Channel.PORTAL);
    Ticket c = tickets.get(priya, child.ticket().reference());
    assertThat(c.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(c.document().getString("resolution"))
        .contains(parent.reference())
        .contains("Mail relay restarted");
    assertThat(f.notices).contains("status:" + c.reference() + ":resolved:u-priya-shah");
  }

  @Test
  void earlyLifeSupportTakesMatchingCallsInItsWindow() {
    Ticket t =
        raise(
            priya,
            "Software and applications",
            "FinanceOne will not let me approve a purchase order");
    assertThat(t.groupId()).isEqualTo("els-financeone");
    assertThat(t.elsProjectId()).isEqualTo("financeone");
    assertThat(t.document().getList("tags", String.class)).contains("els:financeone");
    Ticket other = raise(tom, "Software and applications", "Word crashes when I print");
    assertThat(other.groupId()).isEqualTo("applications");
    Principal rachel = f.user("u-rachel-green");
    Document trends = f.desk.els().trends(rachel, "financeone");
    assertThat(trends.getInteger("open")).isEqualTo(1);
    Ticket handed =
        f.desk
            .els()
            .handover(rachel, "financeone", t.reference(), "Config issue for the project team");
    assertThat(handed.groupId()).isEqualTo("financeone-project");
    // After the window, new calls go to the usual desk.
    f.clock.advance(Duration.ofDays(26));
    assertThat(
            raise(tom, "Software and applications", "FinanceOne budget report is blank").groupId())
        .isEqualTo("applications");
  }

  @Test
  void closingTheWindowCanMoveOpenTicketsInBulk() {
    Ticket t = raise(priya, "Finance systems", "FinanceOne invoice approval stuck");
    Principal owner = f.user("u-oliver-brooks");
    assertThatThrownBy(
            () -> f.desk.els().closeWindow(f.user("u-rachel-green"), "financeone", "move"))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(403);
    assertThat(f.desk.els().closeWindow(owner, "financeone", "move")).isEqualTo(1);
    // The refused attempt left no trace; the owner's close is in the admin audit trail.
    assertThat(f.audit.of(f.user("u-mark-davies"), "financeone"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getString("action")).isEqualTo("els.window.close");
              assertThat(d.getString("actorId")).isEqualTo("u-oliver-brooks");
              assertThat(d.getString("detail")).contains("1 moved");
            });
    assertThat(tickets.get(gareth, t.reference()).groupId()).isEqualTo("applications");
  }

  @Test
  void schoolsAreTenantsWithEntitlements() {
    Principal karen = f.user("u-karen-white"); // St Mary's contact
    Principal sarah = f.user("u-sarah-jones"); // St Mary's admin
    Principal paul = f.user("u-paul-roberts"); // Oakfield admin
    Principal ben = f.user("u-ben-taylor"); // Riverside (Bronze) contact
    Ticket t = raise(karen, "Schools ICT", "Interactive whiteboard in Year 4 is blank");
    assertThat(t.desk()).isEqualTo("schools");
    assertThat(t.groupId()).isEqualTo("schools-desk");
    assertThat(t.chargeable()).isFalse();
    assertThat(tickets.get(sarah, t.reference()).reference()).isEqualTo(t.reference());
    assertThat(tickets.school(sarah, "st-marys-primary", 0, 10).items()).hasSize(1);
    assertThatThrownBy(() -> tickets.get(paul, t.reference()))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(404);
    assertThatThrownBy(() -> tickets.school(paul, "st-marys-primary", 0, 10))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(404);
    Ticket mis = raise(ben, "Schools MIS", "Attendance register will not save");
    assertThat(mis.chargeable()).isTrue();
    assertThat(mis.document().getString("chargeStatement"))
        .contains("Riverside")
        .contains("Bronze")
        .contains("charged");
  }

  @Test
  void slaCheckRunsOnceAcrossProcessesAndAlerts() {
    Ticket t =
        tickets
            .create(
                priya,
                NewTicket.incident(Channel.TEAMS, "Printing", "All printers offline", null)
                    .withImpactUrgency(1, 1))
            .ticket();
    Lease lease = new Lease(f.store.database());
    Instant now = f.clock.instant();
    assertThat(lease.tryAcquire("desk-jobs", "process-a", now, 60_000)).isTrue();
    assertThat(lease.tryAcquire("desk-jobs", "process-b", now, 60_000)).isFalse();
    assertThat(lease.tryAcquire("desk-jobs", "process-a", now.plusSeconds(30), 60_000)).isTrue();
    assertThat(lease.tryAcquire("desk-jobs", "process-b", now.plusSeconds(200), 60_000)).isTrue();
    f.clock.advance(Duration.ofMinutes(181)); // P1: 240-minute target, warning at 180
    assertThat(f.desk.slaMonitor().check())
        .contains(t.reference() + ":warning", t.reference() + ":response-breached");
    assertThat(f.desk.slaMonitor().check()).isEmpty();
    f.clock.advance(Duration.ofMinutes(60));
    assertThat(f.desk.slaMonitor().check()).containsExactly(t.reference() + ":breached");
    assertThat(f.notices).contains("sla:" + t.reference() + ":breached");
  }
}
