package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.fulfilment.Outcome.Status;
import io.frontdesk.desk.ticket.Channel;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Configured delivery: codes by SMS first, and the temporary password sent out of band. */
class DeliveryOptionsTest {

  @Test
  void withNotifyDeliveryThePasswordGoesToTheContactAndIsNeverInTheOutcome() throws Exception {
    FulfilmentOptions notify =
        FulfilmentOptions.load(Settings.of(Map.of(FulfilmentOptions.PASSWORD_DELIVERY, "notify")));
    try (FulfilmentFixture f = new FulfilmentFixture(notify, null)) {
      Principal priya = f.principal("u-priya-shah");
      // Nothing secret is shown, so a group chat is fine.
      Outcome sent =
          f.service.start(new StartRequest(priya, FulfilmentKind.RESET, Channel.TEAMS, false));
      assertThat(sent.status()).isEqualTo(Status.CODE_SENT);
      Outcome done = f.service.verify(priya, sent.flowId(), f.outbox.lastCode());
      assertThat(done.status()).isEqualTo(Status.PASSWORD_RESET);
      assertThat(done.temporaryPassword()).isNull();
      assertThat(done.toJson().containsKey("temporaryPassword")).isFalse();
      assertThat(done.message()).contains("p****@n****.gov.uk");
      assertThat(f.outbox.messages).hasSize(2);
      Matcher m =
          Pattern.compile("temporary password is (\\S+) ").matcher(f.outbox.messages.get(1).body());
      assertThat(m.find()).isTrue();
      try (LDAPConnection c = new LDAPConnection("127.0.0.1", f.ldap.port())) {
        assertThat(c.bind(f.dn("u-priya-shah"), m.group(1)).getResultCode())
            .isEqualTo(ResultCode.SUCCESS);
      }
    }
  }

  @Test
  void smsFirstSendsTheCodeToTheRegisteredMobile() {
    FulfilmentOptions sms =
        FulfilmentOptions.load(Settings.of(Map.of(FulfilmentOptions.CODE_CHANNEL, "sms")));
    try (FulfilmentFixture f = new FulfilmentFixture(sms, null)) {
      Outcome sent =
          f.service.start(
              new StartRequest(
                  f.principal("u-priya-shah"), FulfilmentKind.RESET, Channel.PORTAL, true));
      assertThat(sent.status()).isEqualTo(Status.CODE_SENT);
      assertThat(f.outbox.to.get(0).kind()).isEqualTo("sms");
      assertThat(f.outbox.to.get(0).address()).startsWith("+447700900");
      assertThat(sent.maskedContact()).matches("\\*{7}\\d{3}");
    }
  }
}
