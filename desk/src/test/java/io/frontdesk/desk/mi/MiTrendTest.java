package io.frontdesk.desk.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-step figures behind the managers' trend charts. */
class MiTrendTest {
  final DeskFixture f = new DeskFixture(Instant.parse("2026-03-02T09:00:00Z"));
  final Instant day1 = Instant.parse("2026-03-02T00:00:00Z");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void eachDayCountsItsOwnTicketsSelfServiceAndSatisfaction() {
    Principal priya = f.user("u-priya-shah");
    Principal fiona = f.user("u-fiona-campbell");
    Ticket a =
        f.desk
            .tickets()
            .create(priya, NewTicket.incident(Channel.TEAMS, "Printing", "Printer jam", null))
            .ticket();
    f.desk.selfService().record(priya, "answer", "reset-network-password", Channel.TEAMS);
    f.clock.advance(Duration.ofDays(1));
    f.desk
        .tickets()
        .create(
            priya,
            NewTicket.incident(
                Channel.PORTAL, "Email and calendar", "Outlook will not sync", null));
    f.desk
        .tickets()
        .create(
            priya,
            NewTicket.incident(Channel.PORTAL, "Email and calendar", "Calendar missing", null));
    f.desk
        .lifecycle()
        .transition(
            f.user("u-gareth-lloyd"),
            a.reference(),
            TicketStatus.RESOLVED,
            "Fixed",
            Channel.PORTAL);
    f.desk.csat().rate(priya, a.reference(), 4, null, Channel.TEAMS);

    List<Document> t =
        f.desk.mi().trend(fiona, null, day1, day1.plus(Duration.ofDays(3)), Duration.ofDays(1));
    assertThat(t).hasSize(3);
    assertThat(t).extracting(d -> d.getInteger("tickets")).containsExactly(1, 2, 0);
    assertThat(t.get(0).getDouble("selfServicePercent")).isEqualTo(50.0);
    assertThat(t.get(1).getDouble("selfServicePercent")).isEqualTo(0.0);
    assertThat(t.get(2).get("selfServicePercent")).isNull();
    assertThat(t.get(0).get("csatAverage")).isNull();
    assertThat(t.get(1).getDouble("csatAverage")).isEqualTo(4.0);
    assertThat(t.get(0).getString("from")).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(t.get(2).getString("to")).isEqualTo("2026-03-05T00:00:00Z");
  }

  @Test
  void onlyManagersSeeTheWholeDeskAndBadPeriodsAre400() {
    Principal priya = f.user("u-priya-shah");
    Principal fiona = f.user("u-fiona-campbell");
    Instant to = day1.plus(Duration.ofDays(1));
    assertThatThrownBy(() -> f.desk.mi().trend(priya, null, day1, to, Duration.ofDays(1)))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(403);
    assertThatThrownBy(() -> f.desk.mi().trend(fiona, null, to, day1, Duration.ofDays(1)))
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(400);
    assertThatThrownBy(
            () ->
                f.desk
                    .mi()
                    .trend(fiona, null, day1, day1.plus(Duration.ofDays(400)), Duration.ofDays(1)))
        .hasMessageContaining("steps");
  }
}
