package io.frontdesk.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.DeliveryModes;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An answer card reaches Teams as the card the bot built, whichever way it leaves: posted to the
 * Bot Connector (a loopback server here), in an expectReplies body, or as an Action.Execute's
 * refreshed card.
 */
class TeamsMessagesTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  static JsonObject card() {
    return Cards.card(
        List.of(
            Cards.title("Reset your password"),
            Cards.text("**Before you start**"),
            Cards.text(
                "Go to \"https://passwords.example\" and pick <b>Forgot</b> — ünïcode \\ ok")),
        List.of(
            Cards.openUrl("Open in portal", "https://desk.example/kb/reset"),
            Cards.submit(
                "That solved it",
                Cards.action("kb.feedback").put("articleId", "kb-1").put("helpful", true))));
  }

  static Activity incoming(String serviceUrl, boolean expectReplies) {
    JsonObject json =
        ActivityReaderTest.message("2019-10-21T20:53:37Z").put("serviceUrl", serviceUrl);
    if (expectReplies) {
      json.put("deliveryMode", DeliveryModes.EXPECT_REPLIES.toString());
    }
    return new ActivityReader().read(Buffer.buffer(json.encode()));
  }

  static CompletableFuture<Void> sendCard(com.microsoft.bot.builder.TurnContext ctx) {
    Activity out = TeamsMessages.activity(Reply.card("Reset your password", card()));
    return ctx.sendActivity(out).thenApply(r -> null);
  }

  @Test
  void theCardPostedToTheBotConnectorIsTheCardBuilt() throws Exception {
    CompletableFuture<JsonObject> posted = new CompletableFuture<>();
    HttpServer connector =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              if (req.path().contains("/activities")) {
                                posted.complete(body.toJsonObject());
                              }
                              req.response()
                                  .putHeader("Content-Type", "application/json")
                                  .end(new JsonObject().put("id", "r-1").encode());
                            }))
            .listen(0, "127.0.0.1")
            .await();
    TeamsAdapter adapter =
        new TeamsAdapter(new BotRegistration("", "", ""), TeamsAdapterTest.METADATA);
    adapter
        .processActivity(
            (String) null,
            incoming("http://127.0.0.1:" + connector.actualPort() + "/", false),
            TeamsMessagesTest::sendCard)
        .get(10, TimeUnit.SECONDS);

    JsonObject sent = posted.get(10, TimeUnit.SECONDS);
    assertThat(sent.getString("summary")).isEqualTo("Reset your password");
    JsonArray attachments = sent.getJsonArray("attachments");
    assertThat(attachments).hasSize(1);
    assertThat(attachments.getJsonObject(0).getString("contentType"))
        .isEqualTo(TeamsMessages.ADAPTIVE);
    assertThat(attachments.getJsonObject(0).getJsonObject("content")).isEqualTo(card());
  }

  @Test
  void theCardInAnExpectRepliesBodyIsTheCardBuilt() throws Exception {
    TeamsAdapter adapter =
        new TeamsAdapter(new BotRegistration("", "", ""), TeamsAdapterTest.METADATA);
    var response =
        adapter
            .processActivity(
                (String) null,
                incoming("https://smba.trafficmanager.net/amer/", true),
                TeamsMessagesTest::sendCard)
            .get(10, TimeUnit.SECONDS);
    JsonObject body = new JsonObject(SdkJson.write(response.getBody()));
    JsonObject reply = body.getJsonArray("activities").getJsonObject(0);
    assertThat(reply.getJsonArray("attachments").getJsonObject(0).getJsonObject("content"))
        .isEqualTo(card());
  }

  @Test
  void anActionExecuteGetsTheCardBuiltAsItsValue() throws Exception {
    JsonObject answer =
        new JsonObject(
            SdkJson.write(
                TeamsMessages.cardActionResponse(
                    List.of(Reply.text("ignored"), Reply.card("Reset", card())))));
    assertThat(answer.getInteger("statusCode")).isEqualTo(200);
    assertThat(answer.getString("type")).isEqualTo(TeamsMessages.ADAPTIVE);
    assertThat(answer.getJsonObject("value")).isEqualTo(card());
  }
}
