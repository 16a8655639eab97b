package io.frontdesk.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import io.frontdesk.core.http.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Bodies the SDK cannot read are repaired or refused with a 400 that names the problem. */
class ActivityReaderTest {
  final ActivityReader reader = new ActivityReader();

  static JsonObject message(String timestamp) {
    return new JsonObject()
        .put("type", "message")
        .put("id", "1")
        .put("timestamp", timestamp)
        .put("serviceUrl", "https://smba.trafficmanager.net/amer/")
        .put("channelId", "msteams")
        .put("conversation", new JsonObject().put("id", "a:1"))
        .put("recipient", new JsonObject().put("id", "28:bot"))
        .put("text", "hi");
  }

  Activity read(JsonObject o) {
    return reader.read(Buffer.buffer(o.encode()));
  }

  @Test
  void everyTimestampShapeTeamsSendsIsReadExactly() {
    assertThat(read(message("2019-10-21T20:53:37Z")).getTimestamp())
        .isEqualTo(OffsetDateTime.parse("2019-10-21T20:53:37Z"));
    assertThat(read(message("2019-10-20T02:56:09.879Z")).getTimestamp())
        .isEqualTo(OffsetDateTime.parse("2019-10-20T02:56:09.879Z"));
    assertThat(read(message("2025-10-08T17:33:01.4953744Z")).getTimestamp())
        .isEqualTo(OffsetDateTime.parse("2025-10-08T17:33:01.4953744Z"));
    assertThat(read(message("2021-11-09T04:47:30.91Z")).getTimestamp())
        .isEqualTo(OffsetDateTime.parse("2021-11-09T04:47:30.91Z"));
    assertThat(read(message("2021-11-09T04:47:30.91-07:00")).getTimestamp())
        .isEqualTo(OffsetDateTime.parse("2021-11-09T04:47:30.91-07:00"));
    // An unreadable timestamp is dropped (the SDK then stamps the time of receipt), not a 400.
    assertThat(read(message("yesterday")).getTimestamp()).isNotNull();
  }

  @Test
  void theTeamsTenantIsCopiedToTheConversationAsTheSdkMiddlewareWould() {
    JsonObject withTenant =
        message("2019-10-21T20:53:37Z")
            .put("channelData", new JsonObject().put("tenant", new JsonObject().put("id", "t-1")));
    assertThat(read(withTenant).getConversation().getTenantId()).isEqualTo("t-1");
    withTenant.getJsonObject("conversation").put("tenantId", "t-2");
    assertThat(read(withTenant).getConversation().getTenantId()).isEqualTo("t-2");
    assertThat(read(withTenant.put("channelId", "emulator")).getConversation().getTenantId())
        .isEqualTo("t-2");
    assertThat(read(message("2019-10-21T20:53:37Z")).getConversation().getTenantId()).isNull();
  }

  @Test
  void aMissingRecipientRoleIsFilledIn() {
    assertThat(read(message("2019-10-21T20:53:37Z")).getRecipient().getRole())
        .isEqualTo(RoleTypes.BOT);
  }

  @Test
  void badBodiesAre400sThatSayWhy() {
    assertThatThrownBy(() -> reader.read(Buffer.buffer("{")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> reader.read(Buffer.buffer("\"hello\"")))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> read(message("2019-10-21T20:53:37Z").put("type", 3)))
        .hasMessageContaining("type");
    JsonObject noConversation = message("2019-10-21T20:53:37Z");
    noConversation.remove("conversation");
    assertThatThrownBy(() -> read(noConversation)).hasMessageContaining("conversation.id");
    assertThatThrownBy(() -> read(message("2019-10-21T20:53:37Z").put("serviceUrl", "ftp://x")))
        .hasMessageContaining("serviceUrl");
    assertThatThrownBy(() -> read(message("2019-10-21T20:53:37Z").put("from", "me")))
        .hasMessageContaining("from");
    assertThatThrownBy(() -> read(message("2019-10-21T20:53:37Z").put("membersAdded", "everyone")))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(400);
  }
}
