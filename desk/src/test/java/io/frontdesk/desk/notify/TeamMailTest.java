package io.frontdesk.desk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Early Life Support handover is e-mailed to the project team, and only to them. */
class TeamMailTest {
  final DeskFixture f = new DeskFixture();
  final List<String[]> mail = new ArrayList<>();

  @AfterEach
  void close() {
    f.close();
  }

  Notifier recorder(boolean email) {
    return new Notifier() {
      @Override
      public boolean supports(String kind) {
        return email && kind.equals("email");
      }

      @Override
      public void send(Contact to, OutboundMessage m) {
        mail.add(new String[] {to.address(), m.subject(), m.body()});
      }

      @Override
      public String name() {
        return "recorder";
      }
    };
  }

  Ticket elsTicket() {
    Ticket t =
        f.desk
            .tickets()
            .create(
                f.user("u-priya-shah"),
                NewTicket.incident(
                    Channel.PORTAL,
                    "Software and applications",
                    "FinanceOne will not let me approve a purchase order",
                    null))
            .ticket();
    assertThat(t.elsProjectId()).isEqualTo("financeone");
    return t;
  }

  @Test
  void theProjectTeamIsMailedTheNoteAndALinkToTheTicket() {
    f.events.add(new TeamMail(f.desk.users(), recorder(true), Runnable::run, "https://desk.test"));
    Ticket t = elsTicket();
    assertThat(mail).isEmpty();
    f.desk
        .els()
        .handover(f.user("u-rachel-green"), "financeone", t.reference(), "PO limits are wrong");
    // Oliver Brooks is the only member of financeone-project in the demo directory.
    assertThat(mail).hasSize(1);
    String[] m = mail.get(0);
    assertThat(m[0]).isEqualTo(f.desk.users().byId("u-oliver-brooks").orElseThrow().email());
    assertThat(m[1]).contains(t.reference(), "FinanceOne");
    assertThat(m[2])
        .contains("PO limits are wrong")
        .contains("https://desk.test/agent/tickets/" + t.reference());
  }

  @Test
  void noMailWithoutAnEmailNotifierAndAFailedHandoverSendsNothing() {
    f.events.add(new TeamMail(f.desk.users(), recorder(false), Runnable::run, "https://desk.test"));
    Ticket t = elsTicket();
    f.desk.els().handover(f.user("u-rachel-green"), "financeone", t.reference(), "Over to you");
    assertThat(mail).isEmpty();

    f.events.add(new TeamMail(f.desk.users(), recorder(true), Runnable::run, "https://desk.test"));
    try {
      f.desk.els().handover(f.user("u-rachel-green"), "financeone", t.reference(), "");
    } catch (RuntimeException expected) {
      // a note is required
    }
    assertThat(mail).isEmpty();
  }
}
