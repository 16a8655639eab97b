package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.directory.EmbeddedDirectory;
import io.frontdesk.desk.directory.LdapDirectory;
import io.frontdesk.desk.directory.LdapFlavour;
import io.frontdesk.desk.directory.LdapSettings;
import io.frontdesk.desk.fulfilment.Outcome.Status;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every failure mode: a clear outcome, the right ticket, and no change to the account. */
class FulfilmentFailuresTest {
  FulfilmentFixture f = new FulfilmentFixture();
  final Principal priya = f.principal("u-priya-shah");

  @AfterEach
  void close() {
    f.close();
  }

  private Outcome startReset(Principal p) {
    return f.service.start(new StartRequest(p, FulfilmentKind.RESET, Channel.TEAMS, true));
  }

  private void assertUnchanged(String userId) {
    Entry e;
    try {
      e = f.ldap.server().getEntry(f.dn(userId));
    } catch (com.unboundid.ldap.sdk.LDAPException x) {
      throw new AssertionError(x);
    }
    assertThat(e.getAttributeValue("userPassword")).isNull();
    assertThat(e.getAttributeValue("pwdLastSet")).isNotEqualTo("0");
  }

  private Ticket ticket(String ref) {
    return f.desk.desk.tickets().repository().byReference(ref).orElseThrow();
  }

  @Test
  void oldFlowsArePurged() {
    startReset(priya);
    assertThat(f.flows.purge(f.desk.clock.instant().minus(Duration.ofDays(7)))).isZero();
    assertThat(f.flows.purge(f.desk.clock.instant().plusSeconds(1))).isEqualTo(1);
    assertThat(f.flows.collection().countDocuments()).isZero();
  }

  @Test
  void anExpiredCodeChangesNothing() {
    Outcome sent = startReset(priya);
    f.desk.clock.advance(Duration.ofMinutes(10));
    assertThat(f.service.verify(priya, sent.flowId(), f.outbox.lastCode()).status())
        .isEqualTo(Status.EXPIRED);
    assertUnchanged("u-priya-shah");
  }

  @Test
  void repeatedFailedVerificationRaisesAnIncidentInTheSecurityQueue() {
    for (int flow = 0; flow < 2; flow++) {
      Outcome sent = startReset(priya);
      String wrong = f.outbox.lastCode().equals("000000") ? "999999" : "000000";
      for (int i = 0; i < 3; i++) {
        f.service.verify(priya, sent.flowId(), wrong);
      }
    }
    List<Ticket> security =
        f.desk.desk.tickets().repository().find(new Document("groupId", "security"), null, 0, 10);
    assertThat(security).hasSize(1);
    assertThat(security.get(0).title()).contains("Repeated failed verification", "Priya Shah");
    assertThat(security.get(0).requester().userId()).isEqualTo("u-priya-shah");
    assertUnchanged("u-priya-shah");
  }

  @Test
  void privilegedAccountsAreRefusedAndEscalated() throws Exception {
    Outcome mark = startReset(f.principal("u-mark-davies"));
    assertThat(mark.status()).isEqualTo(Status.REFUSED_PRIVILEGED);
    assertThat(mark.message()).contains(mark.ticketReference()).contains("administrator");
    Ticket t = ticket(mark.ticketReference());
    assertThat(t.groupId()).isEqualTo("service-desk");
    assertThat(t.status().isOpen()).isTrue();
    assertThat(f.outbox.messages).isEmpty();

    // Membership of a protected group in the directory is enough, whatever the desk thinks.
    f.ldap
        .server()
        .modify(
            f.dn("u-tom-hughes"),
            new Modification(
                ModificationType.ADD,
                "memberOf",
                "CN=Account Operators," + EmbeddedDirectory.GROUPS_DN));
    assertThat(startReset(f.principal("u-tom-hughes")).status())
        .isEqualTo(Status.REFUSED_PRIVILEGED);
    assertUnchanged("u-tom-hughes");
  }

  @Test
  void disabledAccountsAndLeaversAreRefused() throws Exception {
    f.ldap
        .server()
        .modify(
            f.dn("u-tom-hughes"),
            new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
    assertThat(startReset(f.principal("u-tom-hughes")).status()).isEqualTo(Status.REFUSED_DISABLED);
    // accountExpires in the past (FILETIME for 2020-01-01) makes a leaver.
    f.ldap
        .server()
        .modify(
            f.dn("u-aisha-bello"),
            new Modification(ModificationType.REPLACE, "accountExpires", "132223104000000000"));
    assertThat(startReset(f.principal("u-aisha-bello")).status())
        .isEqualTo(Status.REFUSED_DISABLED);
    User james = f.user("u-james-wilson");
    f.desk.desk.users().save(withDisabled(james));
    assertThat(startReset(f.principal("u-james-wilson")).status())
        .isEqualTo(Status.REFUSED_DISABLED);
    assertThat(f.outbox.messages).isEmpty();
  }

  @Test
  void aPasswordThatNeverExpiresIsResetByAnAgentButCanStillBeUnlocked() throws Exception {
    String dn = f.dn("u-tom-hughes");
    f.ldap
        .server()
        .modify(
            dn,
            new Modification(ModificationType.REPLACE, "userAccountControl", "66048"),
            new Modification(ModificationType.REPLACE, "lockoutTime", "133700000000000000"));
    Outcome reset = startReset(f.principal("u-tom-hughes"));
    assertThat(reset.status()).isEqualTo(Status.NOT_ALLOWED_HERE);
    assertThat(reset.message()).contains("never expires").contains(reset.ticketReference());
    assertThat(ticket(reset.ticketReference()).groupId()).isEqualTo("service-desk");
    assertThat(f.outbox.messages).isEmpty();
    assertThat(
            f.service
                .start(
                    new StartRequest(
                        f.principal("u-tom-hughes"), FulfilmentKind.UNLOCK, Channel.TEAMS, true))
                .status())
        .isEqualTo(Status.CODE_SENT);
  }

  @Test
  void anAccountThatIsNotInTheDirectoryIsNotFound() throws Exception {
    f.ldap.server().delete(f.dn("u-tom-hughes"));
    assertThat(startReset(f.principal("u-tom-hughes")).status())
        .isEqualTo(Status.ACCOUNT_NOT_FOUND);
  }

  @Test
  void aResetIsNeverStartedInAGroupChatAndSchoolUsersUseThePortal() {
    assertThat(
            f.service
                .start(new StartRequest(priya, FulfilmentKind.RESET, Channel.TEAMS, false))
                .status())
        .isEqualTo(Status.NOT_ALLOWED_HERE);
    Outcome school = startReset(f.principal("u-sarah-jones"));
    assertThat(school.status()).isEqualTo(Status.NOT_ALLOWED_HERE);
    assertThat(school.message()).contains("Forgot your password");
    assertThat(f.outbox.messages).isEmpty();
  }

  @Test
  void unlockingAnAccountThatIsNotLockedSendsNoCode() {
    assertThat(
            f.service
                .start(new StartRequest(priya, FulfilmentKind.UNLOCK, Channel.PORTAL, true))
                .status())
        .isEqualTo(Status.NOT_LOCKED);
    assertThat(f.outbox.messages).isEmpty();
  }

  @Test
  void ratesAreLimitedPerPersonAndOverall() {
    f.close();
    f = new FulfilmentFixture(FulfilmentOptions.defaults().withLimits(2, 3, 2), null);
    Principal p = f.principal("u-priya-shah");
    assertThat(startReset(p).status()).isEqualTo(Status.CODE_SENT);
    assertThat(startReset(p).status()).isEqualTo(Status.CODE_SENT);
    assertThat(startReset(p).status()).isEqualTo(Status.RATE_LIMITED);
    assertThat(startReset(f.principal("u-tom-hughes")).status()).isEqualTo(Status.CODE_SENT);
    assertThat(startReset(f.principal("u-aisha-bello")).status()).isEqualTo(Status.RATE_LIMITED);
    f.desk.clock.advance(Duration.ofHours(1));
    assertThat(startReset(p).status()).isEqualTo(Status.CODE_SENT);
  }

  @Test
  void aCodeThatCannotBeSentChangesNothing() {
    f.outbox.broken = true;
    Outcome o = startReset(priya);
    assertThat(o.status()).isEqualTo(Status.SEND_FAILED);
    assertThat(o.flowId()).isNull();
    assertUnchanged("u-priya-shah");
  }

  @Test
  void aDirectoryThatIsDownGetsATicketForTheServiceDesk() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    f.close();
    f = new FulfilmentFixture(FulfilmentOptions.defaults(), directoryAt(closedPort));
    Outcome o = startReset(f.principal("u-priya-shah"));
    assertThat(o.status()).isEqualTo(Status.DIRECTORY_UNAVAILABLE);
    assertThat(o.message()).contains("nothing has changed").contains(o.ticketReference());
    Ticket t = ticket(o.ticketReference());
    assertThat(t.groupId()).isEqualTo("service-desk");
    assertThat(t.requester().userId()).isEqualTo("u-priya-shah");
    assertThat(t.status()).isEqualTo(TicketStatus.NEW);
    // Trying again while it is down adds nothing to the queue.
    assertThat(startReset(f.principal("u-priya-shah")).ticketReference())
        .isEqualTo(o.ticketReference());
    assertThat(f.outcomes)
        .containsExactly("reset:directory-unavailable", "reset:directory-unavailable");
  }

  @Test
  void aDirectoryThatTimesOutGetsATicketAndAnswersWithinTheTimeout() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (java.io.IOException done) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      f.close();
      f = new FulfilmentFixture(FulfilmentOptions.defaults(), directoryAt(silent.getLocalPort()));
      long t0 = System.nanoTime();
      Outcome o = startReset(f.principal("u-priya-shah"));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(o.status()).isEqualTo(Status.DIRECTORY_UNAVAILABLE);
      assertThat(ticket(o.ticketReference()).groupId()).isEqualTo("service-desk");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aDirectoryThatGoesDownAfterTheCodeLeavesTheAccountAlone() {
    Outcome sent = startReset(priya);
    f.ldap.server().shutDown(false);
    Outcome o = f.service.verify(priya, sent.flowId(), f.outbox.lastCode());
    assertThat(o.status()).isEqualTo(Status.DIRECTORY_UNAVAILABLE);
    assertThat(o.temporaryPassword()).isNull();
    assertThat(ticket(o.ticketReference()).groupId()).isEqualTo("service-desk");
    assertUnchanged("u-priya-shah");
    assertThat(f.service.verify(priya, sent.flowId(), f.outbox.lastCode()).status())
        .isEqualTo(Status.UNKNOWN_FLOW);
  }

  private LdapDirectory directoryAt(int port) {
    return new LdapDirectory(
        new LdapSettings(
            LdapFlavour.EMBEDDED,
            "ldap://127.0.0.1:" + port,
            EmbeddedDirectory.SERVICE_DN,
            "not-used",
            EmbeddedDirectory.BASE_DN,
            null,
            null,
            Duration.ofMillis(700),
            null),
        f.desk.clock);
  }

  private static User withDisabled(User u) {
    return new User(
        u.id(),
        u.displayName(),
        u.email(),
        u.upn(),
        u.aadObjectId(),
        u.roles(),
        u.schoolId(),
        u.lineManagerId(),
        u.privileged(),
        true,
        u.groups(),
        u.passwordHash());
  }
}
