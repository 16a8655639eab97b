package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestsTest {
  final DeskFixture f = new DeskFixture();
  final Principal priya = f.user("u-priya-shah");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void formErrorsNameEachField() {
    FieldErrors e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FieldErrors.class,
            () ->
                f.desk
                    .requests()
                    .submit(
                        priya,
                        "shared-mailbox-access",
                        new JsonObject()
                            .put("mailbox", "finance@gmail.com")
                            .put("access", "Everything")
                            .put("colour", "red"),
                        Channel.TEAMS));
    assertThat(e.fields()).containsKeys("mailbox", "access", "reason", "colour");
    assertThat(e.fields().get("mailbox")).contains("@northshire.gov.uk");
    assertThat(e.fields().get("access")).contains("Read, Read and send as, Full access");
    assertThat(f.desk.tickets().repository().count(new Document())).isZero();
  }

  @Test
  void lineManagerApprovesAndTheRequestMovesOn() {
    CreateResult r =
        f.desk
            .requests()
            .submit(
                priya,
                "shared-mailbox-access",
                new JsonObject()
                    .put("mailbox", "finance.team@northshire.gov.uk")
                    .put("access", "Read")
                    .put("reason", "Covering invoices"),
                Channel.TEAMS);
    Ticket t = r.ticket();
    assertThat(t.reference()).startsWith("REQ-");
    assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
    assertThat(t.document().getString("approval")).isEqualTo("pending");
    assertThat(f.notices).contains("approval:" + t.reference() + ":u-james-wilson");
    Principal james = f.user("u-james-wilson");
    Document pending = f.desk.approvals().pendingFor(james).get(0);
    // Someone else cannot decide it, and an agent cannot short-cut it.
    assertThatThrownBy(
            () ->
                f.desk
                    .approvals()
                    .decide(
                        f.user("u-tom-hughes"), pending.getString("_id"), true, "", Channel.PORTAL))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(404);
    assertThatThrownBy(
            () ->
                f.desk
                    .lifecycle()
                    .transition(
                        f.user("u-gareth-lloyd"),
                        t.reference(),
                        TicketStatus.IN_PROGRESS,
                        null,
                        Channel.PORTAL))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(409);
    Document decided =
        f.desk
            .approvals()
            .decide(
                james, pending.getString("_id"), true, "Fine for the quarter end", Channel.TEAMS);
    assertThat(decided.getString("state")).isEqualTo("approved");
    Ticket after = f.desk.tickets().get(priya, t.reference());
    assertThat(after.status()).isEqualTo(TicketStatus.ASSIGNED);
    assertThat(after.groupId()).isEqualTo("euc");
    assertThat(after.sla().getDate("pausedSince")).isNull();
    assertThat(f.desk.tickets().history(f.user("u-gareth-lloyd"), t.reference()))
        .extracting(d -> d.getString("type"))
        .contains("approval-approved");
    assertThatThrownBy(
            () ->
                f.desk
                    .approvals()
                    .decide(james, pending.getString("_id"), false, "no", Channel.TEAMS))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(409);
  }

  @Test
  void rejectionResolvesWithTheReason() {
    Principal tom = f.user("u-tom-hughes");
    Ticket t =
        f.desk
            .requests()
            .submit(
                tom,
                "software-install",
                new JsonObject()
                    .put("software", "Spotify")
                    .put("device", "NCC-01234")
                    .put("reason", "Music"),
                Channel.PORTAL)
            .ticket();
    Principal daniel = f.user("u-daniel-okafor");
    Document a = f.desk.approvals().pendingFor(daniel).get(0);
    assertThatThrownBy(
            () -> f.desk.approvals().decide(daniel, a.getString("_id"), false, " ", Channel.PORTAL))
        .hasMessageContaining("comment is required");
    f.desk
        .approvals()
        .decide(
            daniel, a.getString("_id"), false, "Not on the approved software list", Channel.PORTAL);
    Ticket after = f.desk.tickets().get(tom, t.reference());
    assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(after.document().getString("resolution"))
        .contains("Not on the approved software list");
  }

  @Test
  void automatedItemsGoToTheirHandlerAndCountAsSelfService() {
    Ticket t =
        f.desk
            .requests()
            .submit(
                priya,
                "password-reset",
                new JsonObject().put("account", "p.shah@northshire.gov.uk"),
                Channel.TEAMS)
            .ticket();
    assertThat(f.notices).contains("fulfil:password-reset:" + t.reference());
    Ticket done =
        f.desk
            .requests()
            .recordAutomatedFulfilment(
                priya,
                "account-unlock",
                Channel.TEAMS,
                "Account unlocked after a one-time code to the registered phone",
                new Document("verifiedBy", "otp-sms").append("changed", "lockoutTime=0"));
    assertThat(done.status()).isEqualTo(TicketStatus.RESOLVED);
    Document figures =
        f.desk
            .mi()
            .figures(
                f.user("u-fiona-campbell"),
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(figures.get("selfService", Document.class).getLong("automatedFulfilments"))
        .isEqualTo(1);
  }

  @Test
  void onsiteVisitsUseEntitlementThenBecomeChargeable() {
    Principal ben = f.user("u-ben-taylor"); // Riverside: 2 of 2 days used
    Principal amy = f.user("u-amy-wright"); // Meadowbank: 0 of 6 used
    JsonObject form =
        new JsonObject()
            .put("preferredDate", "2026-03-20")
            .put("work", "Set up new laptops")
            .put("siteContact", "Office");
    Ticket charged = f.desk.requests().submit(ben, "onsite-visit", form, Channel.PORTAL).ticket();
    assertThat(charged.chargeable()).isTrue();
    assertThat(charged.document().getString("chargeStatement"))
        .contains("used all 2 on-site engineer days");
    Ticket covered = f.desk.requests().submit(amy, "onsite-visit", form, Channel.PORTAL).ticket();
    assertThat(covered.chargeable()).isFalse();
    assertThat(f.desk.schools().byId("meadowbank-infants").orElseThrow().onsiteDaysUsed())
        .isEqualTo(1);
    // Staff cannot book school visits.
    assertThatThrownBy(() -> f.desk.requests().submit(priya, "onsite-visit", form, Channel.PORTAL))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(404);
  }

  @Test
  void csatProblemsAndFigures() {
    Principal gareth = f.user("u-gareth-lloyd");
    Ticket a =
        f.desk
            .tickets()
            .create(
                priya,
                NewTicket.incident(Channel.TEAMS, "Printing", "Printer shows paper jam", null))
            .ticket();
    Ticket b =
        f.desk
            .tickets()
            .create(
                f.user("u-tom-hughes"),
                NewTicket.incident(
                    Channel.PORTAL, "Printing", "Paper jam error on Level 2 printer", null))
            .ticket();
    Document prb =
        f.desk
            .problems()
            .create(
                gareth,
                "Level 2 printers report false paper jams",
                "Printers show jam with no paper stuck",
                "Printing",
                java.util.List.of(a.reference(), b.reference()));
    assertThat(prb.getString("_id")).isEqualTo("PRB-000001");
    Document ke =
        f.desk
            .problems()
            .knownError(
                gareth,
                "PRB-000001",
                "Firmware 4.2 sensor fault",
                "Power-cycle the printer and reprint",
                "staff");
    assertThat(ke.getString("status")).isEqualTo("known-error");
    assertThat(ke.getString("draftArticleId")).isEqualTo("draft-prb-000001");
    assertThat(f.drafts.get(0)[1]).contains("Power-cycle");
    f.desk
        .lifecycle()
        .transition(gareth, a.reference(), TicketStatus.RESOLVED, "Power-cycled", Channel.PORTAL);
    assertThatThrownBy(() -> f.desk.csat().rate(priya, a.reference(), 6, null, Channel.TEAMS))
        .hasMessageContaining("1 to 5");
    f.desk.csat().rate(priya, a.reference(), 4, "Quick fix", Channel.TEAMS);
    assertThatThrownBy(() -> f.desk.csat().rate(priya, a.reference(), 5, null, Channel.TEAMS))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(409);
    assertThatThrownBy(() -> f.desk.csat().rate(gareth, a.reference(), 5, null, Channel.TEAMS))
        .extracting(x -> ((ApiException) x).status())
        .isEqualTo(403);
    Document m =
        f.desk
            .mi()
            .figures(
                f.user("u-fiona-campbell"),
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(
            m.get("volumes", Document.class).get("byChannel", Document.class).getInteger("teams"))
        .isEqualTo(1);
    // Printing incidents route to End User Computing (level 2): resolved, but not first-time fix.
    assertThat(m.get("firstTimeFix", Document.class).getInteger("incidentsResolved")).isEqualTo(1);
    assertThat(m.get("firstTimeFix", Document.class).getInteger("fixedFirstTime")).isEqualTo(0);
    assertThat(m.get("csat", Document.class).getDouble("average")).isEqualTo(4.0);
    assertThat(m.get("slaCompliance", Document.class).get("P4", Document.class).getInteger("met"))
        .isEqualTo(1);
    String csv = io.frontdesk.desk.mi.MiService.csv(m);
    assertThat(csv).startsWith("section,key,value\n").contains("firstTimeFix,percent,0.0");
  }
}
