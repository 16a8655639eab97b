package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

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
