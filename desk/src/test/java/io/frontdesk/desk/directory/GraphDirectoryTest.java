package io.frontdesk.desk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Graph adapter against a loopback HTTP server that plays the token endpoint and Graph. */
class GraphDirectoryTest {
  static final String PRIYA = "6d415fdd-f97e-4f70-ac45-e69601e4ecb2";
  Vertx vertx;
  HttpServer server;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final List<JsonObject> patches = new CopyOnWriteArrayList<>();
  volatile int patchStatus = 204;
  volatile boolean admin;
  GraphDirectory graph;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create());
    r.post("/tenant/token")
        .handler(
            ctx -> {
              seen.add("token " + ctx.request().getFormAttribute("grant_type"));
              boolean ok = "app-secret".equals(ctx.request().getFormAttribute("client_secret"));
              ctx.response()
                  .setStatusCode(ok ? 200 : 401)
                  .putHeader("Content-Type", "application/json")
                  .end(
                      ok
                          ? new JsonObject()
                              .put("access_token", "tok-1")
                              .put("expires_in", 3600)
                              .encode()
                          : "{\"error\":\"invalid_client\"}");
            });
    r.route("/v1.0/*")
        .handler(
            ctx -> {
              if (!"Bearer tok-1".equals(ctx.request().getHeader("Authorization"))) {
                ctx.response().setStatusCode(401).end();
                return;
              }
              ctx.next();
            });
    r.get("/v1.0/users/:id")
        .handler(
            ctx -> {
              seen.add("get " + ctx.pathParam("id"));
              if (!PRIYA.equals(ctx.pathParam("id"))
                  && !"p.shah@northshire.gov.uk".equals(ctx.pathParam("id"))) {
                ctx.response()
                    .setStatusCode(404)
                    .end("{\"error\":{\"code\":\"Request_ResourceNotFound\"}}");
                return;
              }
              ctx.json(
                  new JsonObject()
                      .put("id", PRIYA)
                      .put("userPrincipalName", "p.shah@northshire.gov.uk")
                      .put("displayName", "Priya Shah")
                      .put("accountEnabled", true)
                      .put("mail", "priya.shah@northshire.gov.uk")
                      .put("otherMails", new JsonArray().add("priya.home@example.org"))
                      .put("mobilePhone", "+447700900123"));
            });
    r.get("/v1.0/users/:id/transitiveMemberOf")
        .handler(
            ctx ->
                ctx.json(
                    new JsonObject()
                        .put(
                            "value",
                            new JsonArray()
                                .add(new JsonObject().put("displayName", "All staff"))
                                .add(
                                    new JsonObject()
                                        .put(
                                            "displayName",
                                            admin ? "Global Administrator" : "Finance")))));
    r.patch("/v1.0/users/:id")
        .handler(
            ctx -> {
              patches.add(ctx.body().asJsonObject());
              ctx.response()
                  .setStatusCode(patchStatus)
                  .end(
                      patchStatus == 204
                          ? ""
                          : "{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"policy\"}}");
            });
    server = vertx.createHttpServer().requestHandler(r).listen(0).await(10, TimeUnit.SECONDS);
    graph = graph("app-secret");
  }

  GraphDirectory graph(String secret) {
    String base = "http://127.0.0.1:" + server.actualPort();
    return new GraphDirectory(
        new GraphSettings(
            base + "/v1.0", base + "/tenant/token", "app-id", secret, Duration.ofSeconds(5)),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void findsByEntraObjectIdWithGroupsAndTheAlternateEmailAsContact() {
    DirectoryAccount a = graph.find("p.shah@northshire.gov.uk", PRIYA).orElseThrow();
    assertThat(seen).contains("token client_credentials", "get " + PRIYA);
    assertThat(a.id()).isEqualTo(PRIYA);
    assertThat(a.email()).isEqualTo("priya.home@example.org");
    assertThat(a.mobile()).isEqualTo("+447700900123");
    assertThat(a.groups()).containsExactlyInAnyOrder("All staff", "Finance");
    assertThat(a.disabled()).isFalse();
    assertThat(graph.find("nobody@northshire.gov.uk", null)).isEmpty();
    assertThat(graph.supportsUnlock()).isFalse();
  }

  @Test
  void resetIsOnePatchThatForcesAChangeAtNextSignIn() {
    DirectoryAccount a = graph.find(null, PRIYA).orElseThrow();
    graph.resetPassword(a, "Temp-Pass-1234".toCharArray());
    assertThat(patches).hasSize(1);
    JsonObject profile = patches.get(0).getJsonObject("passwordProfile");
    assertThat(profile.getBoolean("forceChangePasswordNextSignIn")).isTrue();
    assertThat(profile.getString("password")).isEqualTo("Temp-Pass-1234");
  }

  @Test
  void failuresAreRefusedOrUnavailableAndNeverEchoThePassword() {
    DirectoryAccount a = graph.find(null, PRIYA).orElseThrow();
    patchStatus = 400;
    assertThatThrownBy(() -> graph.resetPassword(a, "Temp-Pass-1234".toCharArray()))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("Request_BadRequest")
        .hasMessageNotContaining("Temp-Pass-1234")
        .extracting(e -> ((DirectoryException) e).reason())
        .isEqualTo(DirectoryException.Reason.REFUSED);
    patchStatus = 503;
    assertThatThrownBy(() -> graph.resetPassword(a, "Temp-Pass-1234".toCharArray()))
        .extracting(e -> ((DirectoryException) e).reason())
        .isEqualTo(DirectoryException.Reason.UNAVAILABLE);
    assertThatThrownBy(() -> graph("wrong").find(null, PRIYA))
        .extracting(e -> ((DirectoryException) e).reason())
        .isEqualTo(DirectoryException.Reason.UNAVAILABLE);
    server.close().await();
    GraphDirectory down = graph("app-secret");
    assertThatThrownBy(() -> down.find(null, PRIYA))
        .extracting(e -> ((DirectoryException) e).reason())
        .isEqualTo(DirectoryException.Reason.UNAVAILABLE);
  }

  @Test
  void directoryRolesCountAsGroupsForPrivilege() {
    admin = true;
    assertThat(graph.find(null, PRIYA).orElseThrow().groups()).contains("Global Administrator");
  }
}
