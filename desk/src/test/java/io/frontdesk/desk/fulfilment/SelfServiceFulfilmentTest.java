package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.fulfilment.Outcome.Status;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfServiceFulfilmentTest {
  final FulfilmentFixture f = new FulfilmentFixture();
  final Principal priya = f.principal("u-priya-shah");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void resetSendsACodeThenSetsATemporaryPasswordThatBindsAndMustBeChanged() throws Exception {
    Outcome sent =
        f.service.start(new StartRequest(priya, FulfilmentKind.RESET, Channel.TEAMS, true));
    assertThat(sent.status()).isEqualTo(Status.CODE_SENT);
    assertThat(sent.maskedContact()).isEqualTo("p****@n****.gov.uk");
    assertThat(sent.attemptsLeft()).isEqualTo(3);
    assertThat(f.outbox.to.get(0).address()).isEqualTo("priya.shah@northshire.gov.uk");

    Outcome done = f.service.verify(priya, sent.flowId(), f.outbox.lastCode());

    assertThat(done.status()).isEqualTo(Status.PASSWORD_RESET);
    String temp = done.temporaryPassword();
    assertThat(temp).hasSizeGreaterThanOrEqualTo(14);
    assertThat(done.toString()).doesNotContain(temp);
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", f.ldap.port())) {
      assertThat(c.bind(f.dn("u-priya-shah"), temp).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
    Entry e = f.ldap.server().getEntry(f.dn("u-priya-shah"));
    assertThat(e.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(e.getAttributeValue("lockoutTime")).isEqualTo("0");

    Ticket t = f.desk.desk.tickets().repository().byReference(done.ticketReference()).orElseThrow();
    assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(t.requester().userId()).isEqualTo("u-priya-shah");
    Document fulfilled =
        f.desk.desk.tickets().repository().events(t.reference()).stream()
            .filter(d -> "fulfilled".equals(d.getString("type")))
            .findFirst()
            .orElseThrow();
    assertThat(fulfilled.toJson()).contains("teams-entra-id", "one-time code", "change forced");
    assertThat(
            f.desk
                .desk
                .selfService()
                .collection()
                .countDocuments(new Document("kind", "fulfilment")))
        .isEqualTo(1);
    Document mi =
        f.desk
            .desk
            .mi()
            .figures(
                f.principal("u-fiona-campbell"),
                null,
                f.desk.clock.instant().minus(java.time.Duration.ofDays(1)),
                f.desk.clock.instant().plus(java.time.Duration.ofDays(1)))
            .get("selfService", Document.class);
    assertThat(mi.get("automatedFulfilments", Number.class).longValue()).isEqualTo(1);
    assertThat(mi.get("ticketsRaised", Number.class).longValue()).isZero();
  }

  @Test
  void theDemoDirectoryAnswersNobodyWhoHasNotBound() throws Exception {
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", f.ldap.port())) {
      assertThatThrownBy(
              () ->
                  c.search(
                      io.frontdesk.desk.directory.EmbeddedDirectory.BASE_DN,
                      com.unboundid.ldap.sdk.SearchScope.SUB,
                      "(objectClass=*)"))
          .isInstanceOf(LDAPException.class);
    }
  }

  @Test
  void aCodeWorksOnceAndOnlyForThePersonWhoAsked() {
    Outcome sent =
        f.service.start(new StartRequest(priya, FulfilmentKind.RESET, Channel.PORTAL, true));
    String code = f.outbox.lastCode();
    Outcome other = f.service.verify(f.principal("u-tom-hughes"), sent.flowId(), code);
    assertThat(other.status()).isEqualTo(Status.UNKNOWN_FLOW);
    assertThat(f.service.verify(priya, sent.flowId(), code).status())
        .isEqualTo(Status.PASSWORD_RESET);
    assertThat(f.service.verify(priya, sent.flowId(), code).status())
        .isEqualTo(Status.UNKNOWN_FLOW);
  }

  @Test
  void racingVerificationsWithTheRightCodeChangeTheAccountOnce() throws Exception {
    Outcome sent =
        f.service.start(new StartRequest(priya, FulfilmentKind.RESET, Channel.TEAMS, true));
    String code = f.outbox.lastCode();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      java.util.List<java.util.concurrent.Future<Outcome>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        all.add(pool.submit(() -> f.service.verify(priya, sent.flowId(), code)));
      }
      int resets = 0;
      for (var fut : all) {
        resets += fut.get().status() == Status.PASSWORD_RESET ? 1 : 0;
      }
      assertThat(resets).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            f.desk
                .desk
                .tickets()
                .repository()
                .count(new Document("catalogueItemId", "password-reset")))
        .isEqualTo(1);
  }

  @Test
  void rateLimitsHoldUnderConcurrency() throws Exception {
    RateLimits limits = new RateLimits(f.desk.store.database());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.time.Instant now = f.desk.clock.instant();
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        all.add(
            pool.submit(() -> limits.tryAcquire("race", 50, java.time.Duration.ofHours(1), now)));
      }
      int granted = 0;
      for (var fut : all) {
        granted += fut.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unlockClearsTheLockoutAndLeavesThePasswordAlone() throws LDAPException {
    String dn = f.dn("u-tom-hughes");
    f.ldap
        .server()
        .modify(
            dn, new Modification(ModificationType.REPLACE, "lockoutTime", "133700000000000000"));
    f.ldap
        .server()
        .modify(
            dn, new Modification(ModificationType.REPLACE, "userPassword", "Known-Old-Pass-42"));
    Principal tom = f.principal("u-tom-hughes");
    Outcome sent =
        f.service.start(new StartRequest(tom, FulfilmentKind.UNLOCK, Channel.TEAMS, false));
    assertThat(sent.status()).isEqualTo(Status.CODE_SENT);
    Outcome done = f.service.verify(tom, sent.flowId(), f.outbox.lastCode());
    assertThat(done.status()).isEqualTo(Status.UNLOCKED);
    assertThat(done.temporaryPassword()).isNull();
    Entry e = f.ldap.server().getEntry(dn);
    assertThat(e.getAttributeValue("lockoutTime")).isEqualTo("0");
    assertThat(e.getAttributeValue("userPassword")).isEqualTo("Known-Old-Pass-42");
    assertThat(e.getAttributeValue("pwdLastSet")).isNotEqualTo("0");
  }

  @Test
  void wrongCodesCountDownThenCloseTheFlowWithoutAnyChange() throws LDAPException {
    Outcome sent =
        f.service.start(new StartRequest(priya, FulfilmentKind.RESET, Channel.TEAMS, true));
    String right = f.outbox.lastCode();
    String wrong = right.equals("000000") ? "111111" : "000000";
    Outcome first = f.service.verify(priya, sent.flowId(), wrong);
    assertThat(first.status()).isEqualTo(Status.WRONG_CODE);
    assertThat(first.attemptsLeft()).isEqualTo(2);
    assertThat(f.service.verify(priya, sent.flowId(), "12ab").attemptsLeft()).isEqualTo(1);
    assertThat(f.service.verify(priya, sent.flowId(), wrong).status())
        .isEqualTo(Status.TOO_MANY_ATTEMPTS);
    assertThat(f.service.verify(priya, sent.flowId(), right).status())
        .isEqualTo(Status.TOO_MANY_ATTEMPTS);
    Entry e = f.ldap.server().getEntry(f.dn("u-priya-shah"));
    assertThat(e.getAttributeValue("userPassword")).isNull();
    assertThat(e.getAttributeValue("pwdLastSet")).isNotEqualTo("0");
  }
}
