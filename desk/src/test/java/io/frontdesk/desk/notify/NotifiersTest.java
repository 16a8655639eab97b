package io.frontdesk.desk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.frontdesk.core.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SMTP against GreenMail, GOV.UK Notify's client against a loopback Notify, and the mail drop. */
class NotifiersTest {
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final OutboundMessage MESSAGE =
      new OutboundMessage("Your verification code", "Your code is 123456.");

  @Test
  void smtpDeliversThroughTheRelay() throws Exception {
    NotifyConfig c =
        NotifyConfig.load(
            Settings.of(
                Map.of(
                    NotifyConfig.SMTP_HOST, "127.0.0.1",
                    NotifyConfig.SMTP_PORT, String.valueOf(mail.getSmtp().getPort()),
                    NotifyConfig.SMTP_SECURITY, "none",
                    NotifyConfig.SMTP_FROM, "it-service-desk@northshire.gov.uk")));
    assertThat(c.notifier()).isEqualTo(NotifyConfig.SMTP);
    SmtpNotifier smtp = new SmtpNotifier(c);
    assertThat(smtp.supports("sms")).isFalse();
    smtp.send(Contact.email("priya.shah@northshire.gov.uk"), MESSAGE);
    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getSubject()).isEqualTo("Your verification code");
    assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("priya.shah@northshire.gov.uk");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(got[0])).contains("123456");
  }

  @Test
  void smtpFailureIsANotifyExceptionWithoutTheBody() {
    NotifyConfig c =
        NotifyConfig.load(
            Settings.of(
                Map.of(
                    NotifyConfig.SMTP_HOST, "127.0.0.1",
                    NotifyConfig.SMTP_PORT, "1",
                    NotifyConfig.SMTP_SECURITY, "none",
                    NotifyConfig.TIMEOUT_MS, "1000",
                    NotifyConfig.SMTP_FROM, "desk@northshire.gov.uk")));
    assertThatThrownBy(() -> new SmtpNotifier(c).send(Contact.email("a@b.gov.uk"), MESSAGE))
        .isInstanceOf(NotifyException.class)
        .hasMessageNotContaining("123456");
  }

  @Test
  void govUkNotifySendsEmailAndSmsThroughItsClient() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<JsonObject> posts = new CopyOnWriteArrayList<>();
    List<String> issuers = new CopyOnWriteArrayList<>();
    String serviceId = UUID.randomUUID().toString();
    String apiKey = "frontdesk_test-" + serviceId + "-" + UUID.randomUUID();
    try {
      Router r = Router.router(vertx);
      r.route().handler(BodyHandler.create());
      r.post("/v2/notifications/:kind")
          .handler(
              ctx -> {
                String jwt = ctx.request().getHeader("Authorization").substring(7);
                JsonObject claims =
                    new JsonObject(
                        new String(
                            Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                            StandardCharsets.UTF_8));
                issuers.add(claims.getString("iss"));
                JsonObject body = ctx.body().asJsonObject().put("kind", ctx.pathParam("kind"));
                posts.add(body);
                JsonObject content = new JsonObject().put("body", "sent");
                if ("email".equals(ctx.pathParam("kind"))) {
                  content.put("subject", "s").put("from_email", "desk@notify.example");
                } else {
                  content.put("from_number", "Northshire");
                }
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        new JsonObject()
                            .put("id", UUID.randomUUID().toString())
                            .putNull("reference")
                            .put("content", content)
                            .put("uri", "http://x/v2/notifications/1")
                            .put(
                                "template",
                                new JsonObject()
                                    .put("id", body.getString("template_id"))
                                    .put("version", 1)
                                    .put("uri", "http://x/t"))
                            .encode());
              });
      HttpServer server =
          vertx.createHttpServer().requestHandler(r).listen(0).await(10, TimeUnit.SECONDS);
      String emailTemplate = UUID.randomUUID().toString();
      String smsTemplate = UUID.randomUUID().toString();
      GovUkNotifyNotifier notify =
          new GovUkNotifyNotifier(
              apiKey, "http://127.0.0.1:" + server.actualPort(), emailTemplate, smsTemplate);

      notify.send(Contact.email("priya.shah@northshire.gov.uk"), MESSAGE);
      notify.send(Contact.sms("+447700900123"), MESSAGE);

      assertThat(posts).hasSize(2);
      assertThat(posts.get(0).getString("kind")).isEqualTo("email");
      assertThat(posts.get(0).getString("email_address")).isEqualTo("priya.shah@northshire.gov.uk");
      assertThat(posts.get(0).getString("template_id")).isEqualTo(emailTemplate);
      assertThat(posts.get(0).getJsonObject("personalisation").getString("body"))
          .isEqualTo("Your code is 123456.");
      assertThat(posts.get(1).getString("kind")).isEqualTo("sms");
      assertThat(posts.get(1).getString("phone_number")).isEqualTo("+447700900123");
      assertThat(issuers).containsOnly(serviceId);

      server.close().await();
      assertThatThrownBy(() -> notify.send(Contact.sms("+447700900123"), MESSAGE))
          .isInstanceOf(NotifyException.class)
          .hasMessageNotContaining("123456");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void theMailDropWritesOneFilePerMessage(@TempDir Path dir) throws Exception {
    MailDropNotifier drop = new MailDropNotifier(dir.resolve("maildrop"), Clock.systemUTC());
    drop.send(Contact.email("priya.shah@northshire.gov.uk"), MESSAGE);
    drop.send(Contact.sms("+447700900123"), MESSAGE);
    try (var files = Files.list(dir.resolve("maildrop"))) {
      List<Path> all = files.sorted().toList();
      assertThat(all).hasSize(2);
      assertThat(Files.readString(all.get(0)))
          .contains("To: priya.shah@northshire.gov.uk", "123456");
    }
  }

  @Test
  void contactsAreMaskedForDisplay() {
    assertThat(Contact.email("priya.shah@northshire.gov.uk").masked())
        .isEqualTo("p****@n****.gov.uk");
    assertThat(Contact.sms("+44 7700 900123").masked()).isEqualTo("*******123");
    assertThat(MESSAGE.toString()).doesNotContain("123456");
  }
}
