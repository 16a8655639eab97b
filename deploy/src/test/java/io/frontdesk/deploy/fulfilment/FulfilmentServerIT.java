package io.frontdesk.deploy.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-service reset through the whole server as {@code serve --demo} runs it: a portal session
 * (demo sign-in), /api/fulfilment, the code read from the mail drop under the data directory, the
 * change in the embedded directory, and the resolved REQ visible to the person in the desk API.
 */
class FulfilmentServerIT {
  static PortalFixture server;

  @BeforeAll
  static void start() {
    server = new PortalFixture();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSignedInPersonResetsTheirPasswordWithTheCodeFromTheMailDrop() throws Exception {
    PortalClient priya = server.client().signInAs("u-priya-shah");
    HttpResponse<String> started =
        priya.api("POST", "/api/fulfilment/start", "{\"kind\":\"reset\",\"channel\":\"portal\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(started.headers().firstValue("Cache-Control")).contains("no-store");
    JsonObject s = new JsonObject(started.body());
    assertThat(s.getString("outcome")).isEqualTo("code-sent");

    Path drop = server.dataDir.resolve("maildrop");
    List<Path> files;
    try (var list = Files.list(drop)) {
      files = list.filter(p -> p.toString().contains("priya.shah")).toList();
    }
    assertThat(files).hasSize(1);
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(Files.readString(files.get(0)));
    assertThat(m.find()).isTrue();

    HttpResponse<String> done =
        priya.api(
            "POST",
            "/api/fulfilment/verify",
            new JsonObject().put("flowId", s.getString("flowId")).put("code", m.group(1)).encode());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonObject d = new JsonObject(done.body());
    assertThat(d.getString("outcome")).isEqualTo("password-reset");
    assertThat(d.getString("temporaryPassword")).hasSizeGreaterThanOrEqualTo(14);

    HttpResponse<String> ticket =
        priya.api("GET", "/api/desk/tickets/" + d.getString("ticket"), null);
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(200);
    assertThat(ticket.body())
        .contains("resolved")
        .doesNotContain(d.getString("temporaryPassword"))
        .doesNotContain(m.group(1));
  }

  @Test
  void withoutASessionTheApiAnswers401AndAnotherPersonCannotFinishAFlow() {
    assertThat(
            server
                .client()
                .api("POST", "/api/fulfilment/start", "{\"kind\":\"reset\"}")
                .statusCode())
        .isEqualTo(401);
    PortalClient aisha = server.client().signInAs("u-aisha-bello");
    JsonObject s =
        new JsonObject(aisha.api("POST", "/api/fulfilment/start", "{\"kind\":\"reset\"}").body());
    PortalClient james = server.client().signInAs("u-james-wilson");
    HttpResponse<String> stolen =
        james.api(
            "POST",
            "/api/fulfilment/verify",
            new JsonObject().put("flowId", s.getString("flowId")).put("code", "123456").encode());
    assertThat(stolen.statusCode()).isEqualTo(404);
  }
}
