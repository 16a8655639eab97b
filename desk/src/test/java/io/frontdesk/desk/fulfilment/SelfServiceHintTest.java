package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SelfServiceHintTest {

  @Test
  void aResetRequestedOnAFormStaysWithTheDeskAndTellsThePersonAboutSelfService() {
    try (DeskFixture f = new DeskFixture()) {
      Ticket t =
          f.desk
              .requests()
              .submit(
                  f.user("u-priya-shah"),
                  "password-reset",
                  new JsonObject().put("account", "p.shah@northshire.gov.uk"),
                  Channel.PORTAL)
              .ticket();
      assertThat(f.notices).contains("fulfil:password-reset:" + t.reference());
      new SelfServiceHint(f.desk.tickets()).ready(t, "password-reset");
      new SelfServiceHint(f.desk.tickets()).ready(t, "something-else");
      List<Document> comments = f.desk.tickets().comments(f.user("u-priya-shah"), t.reference());
      assertThat(comments).hasSize(1);
      assertThat(comments.get(0).getString("text")).contains("\"reset my password\"");
      assertThat(f.desk.tickets().get(f.user("u-priya-shah"), t.reference()).groupId())
          .isEqualTo("service-desk");
    }
  }
}
