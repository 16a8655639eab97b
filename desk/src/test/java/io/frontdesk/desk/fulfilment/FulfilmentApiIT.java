package io.frontdesk.desk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.security.Principals;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * /api/fulfilment end to end over HTTP against the in-memory LDAP directory: reset then bind with
 * the new password, unlock, bad input, and that neither the code nor the temporary password is in
 * any log line or any document of any collection. Authentication is a test-only handler mapping
 * X-Test-User to a seeded user (the portal's session and the bot set the principal in production).
 */
class FulfilmentApiIT {
  FulfilmentFixture f;
  Vertx vertx;
  HttpServer server;
  WebClient client;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Level rootLevel;

  @BeforeEach
  void start() throws Exception {
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
    f = new FulfilmentFixture();
    vertx = Vertx.vertx();
    Router r = Router.router(vertx);
    r.route()
        .handler(
            ctx -> {
              String id = ctx.request().getHeader("X-Test-User");
              if (id != null) {
                f.desk.desk.users().byId(id).ifPresent(u -> Principals.set(ctx, u.principal()));
              }
              ctx.next();
            });
    r.route("/*").subRouter(new FulfilmentRoutes(vertx, Blocking.on(vertx), f.service).router());
    r.route().last().handler(c -> c.fail(404));
    r.route().failureHandler(HttpErrors::handle);
    server = vertx.createHttpServer().requestHandler(r).listen(0).await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    client.close();
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
    f.close();
  }

  HttpResponse<Buffer> post(String user, String path, String body) throws Exception {
    var req = client.post(server.actualPort(), "127.0.0.1", path);
    if (user != null) {
      req.putHeader("X-Test-User", user);
    }
    return req.sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
  }

  @Test
  void resetOverHttpThenBindWithTheTemporaryPasswordWhichIsNowhereElse() throws Exception {
    HttpResponse<Buffer> started =
        post(
            "u-priya-shah", "/api/fulfilment/start", "{\"kind\":\"reset\",\"channel\":\"portal\"}");
    assertThat(started.statusCode()).isEqualTo(200);
    JsonObject s = started.bodyAsJsonObject();
    assertThat(s.getString("outcome")).isEqualTo("code-sent");
    assertThat(s.getString("sentTo")).isEqualTo("p****@n****.gov.uk");
    String code = f.outbox.lastCode();
    String wrong = code.equals("000000") ? "111111" : "000000";

    HttpResponse<Buffer> bad =
        post(
            "u-priya-shah",
            "/api/fulfilment/verify",
            new JsonObject().put("flowId", s.getString("flowId")).put("code", wrong).encode());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("outcome")).isEqualTo("wrong-code");
    assertThat(bad.bodyAsJsonObject().getInteger("attemptsLeft")).isEqualTo(2);

    HttpResponse<Buffer> done =
        post(
            "u-priya-shah",
            "/api/fulfilment/verify",
            new JsonObject().put("flowId", s.getString("flowId")).put("code", code).encode());
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject d = done.bodyAsJsonObject();
    assertThat(d.getString("outcome")).isEqualTo("password-reset");
    String temp = d.getString("temporaryPassword");
    assertThat(d.getString("ticket")).startsWith("REQ-");
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", f.ldap.port())) {
      assertThat(c.bind(f.dn("u-priya-shah"), temp).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
    assertThat(f.ldap.server().getEntry(f.dn("u-priya-shah")).getAttributeValue("pwdLastSet"))
        .isEqualTo("0");

    // Neither secret is in any log line or in any document of any collection.
    StringBuilder logged = new StringBuilder();
    for (ILoggingEvent e : logs.list) {
      logged.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        logged.append(e.getThrowableProxy().getMessage()).append('\n');
      }
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(logged.toString()).doesNotContain(temp).doesNotContain(code);
    MongoDatabase db = f.desk.store.database();
    StringBuilder dump = new StringBuilder();
    int collections = 0;
    for (String name : db.listCollectionNames()) {
      collections++;
      for (Document doc : db.getCollection(name).find()) {
        dump.append(doc.toJson()).append('\n');
      }
    }
    assertThat(collections).isGreaterThanOrEqualTo(5);
    assertThat(dump.toString())
        .contains(d.getString("ticket"))
        .doesNotContain(temp)
        .doesNotContain("\"" + code + "\"");
    assertThat(dump.toString()).doesNotContainPattern("[^0-9a-f]" + code + "[^0-9a-f]");
  }

  @Test
  void unlockOverHttp() throws Exception {
    f.ldap
        .server()
        .modify(
            f.dn("u-tom-hughes"),
            new Modification(ModificationType.REPLACE, "lockoutTime", "133700000000000000"));
    JsonObject s =
        post("u-tom-hughes", "/api/fulfilment/start", "{\"kind\":\"unlock\"}").bodyAsJsonObject();
    assertThat(s.getString("outcome")).isEqualTo("code-sent");
    HttpResponse<Buffer> done =
        post(
            "u-tom-hughes",
            "/api/fulfilment/verify",
            new JsonObject()
                .put("flowId", s.getString("flowId"))
                .put("code", f.outbox.lastCode())
                .encode());
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getString("outcome")).isEqualTo("unlocked");
    assertThat(done.bodyAsJsonObject().containsKey("temporaryPassword")).isFalse();
    assertThat(f.ldap.server().getEntry(f.dn("u-tom-hughes")).getAttributeValue("lockoutTime"))
        .isEqualTo("0");
  }

  @Test
  void badInputIsA400NamingTheFieldAndRefusalsCarryTheirStatus() throws Exception {
    assertThat(post(null, "/api/fulfilment/start", "{\"kind\":\"reset\"}").statusCode())
        .isEqualTo(401);
    HttpResponse<Buffer> noKind = post("u-priya-shah", "/api/fulfilment/start", "{}");
    assertThat(noKind.statusCode()).isEqualTo(400);
    assertThat(noKind.bodyAsJsonObject().getString("error")).contains("kind");
    assertThat(post("u-priya-shah", "/api/fulfilment/start", "{\"kind\":\"delete\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("u-priya-shah", "/api/fulfilment/start", "not json").statusCode())
        .isEqualTo(400);
    assertThat(
            post("u-priya-shah", "/api/fulfilment/start", "{\"kind\":\"reset\",\"channel\":7}")
                .bodyAsJsonObject()
                .getString("error"))
        .contains("channel");
    assertThat(
            post(
                    "u-priya-shah",
                    "/api/fulfilment/start",
                    "{\"kind\":\"reset\",\"channel\":\"teams\"}")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<Buffer> noFlow =
        post("u-priya-shah", "/api/fulfilment/verify", "{\"flowId\":\"x\",\"code\":\"123456\"}");
    assertThat(noFlow.statusCode()).isEqualTo(400);
    assertThat(noFlow.bodyAsJsonObject().getString("error")).contains("flowId");
    HttpResponse<Buffer> noCode =
        post(
            "u-priya-shah",
            "/api/fulfilment/verify",
            "{\"flowId\":\"0123456789abcdef0123456789abcdef\",\"code\":\"12\"}");
    assertThat(noCode.bodyAsJsonObject().getString("error")).contains("code");
    HttpResponse<Buffer> unknown =
        post(
            "u-priya-shah",
            "/api/fulfilment/verify",
            "{\"flowId\":\"0123456789abcdef0123456789abcdef\",\"code\":\"123456\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<Buffer> admin =
        post("u-mark-davies", "/api/fulfilment/start", "{\"kind\":\"reset\"}");
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.bodyAsJsonObject().getString("outcome")).isEqualTo("refused-privileged");
    assertThat(admin.bodyAsJsonObject().getString("ticket")).startsWith("REQ-");
    assertThat(post("u-priya-shah", "/api/fulfilment/nothing", "{}").statusCode()).isEqualTo(404);
  }
}
