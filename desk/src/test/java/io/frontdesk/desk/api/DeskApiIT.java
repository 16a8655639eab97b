package io.frontdesk.desk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON API end to end over HTTP. Authentication is a test-only handler that maps the
 * X-Test-User header to a seeded user's principal (production sets it in the portal's session
 * handler); DeskRoutes itself only assumes a principal was set upstream.
 */
class DeskApiIT {
  static DeskFixture f;
  static Vertx vertx;
  static HttpServer server;
  static WebClient client;
  static Ticket karens;
  static String karensComment;
  static String stMarysApproval;

  @BeforeAll
  static void start() throws Exception {
    f = new DeskFixture(java.time.Instant.now());
    vertx = Vertx.vertx();
    Router root = Router.router(vertx);
    root.route()
        .handler(
            ctx -> {
              String id = ctx.request().getHeader("X-Test-User");
              if (id != null) {
                f.desk.users().byId(id).ifPresent(u -> Principals.set(ctx, u.principal()));
              }
              ctx.next();
            });
    root.route("/*").subRouter(new DeskRoutes(vertx, Blocking.on(vertx), f.desk).router());
    root.route().last().handler(c -> c.fail(404));
    root.route().failureHandler(HttpErrors::handle);
    server = vertx.createHttpServer().requestHandler(root).listen(0).await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
    // St Mary's: a contact's ticket with a comment, resolved so CSAT and reopen are reachable.
    karens =
        f.desk
            .tickets()
            .create(
                f.user("u-karen-white"),
                NewTicket.incident(
                    Channel.PORTAL,
                    "Schools ICT",
                    "Year 4 whiteboard secret title",
                    "Blank screen"))
            .ticket();
    karensComment =
        f.desk
            .tickets()
            .comment(
                f.user("u-karen-white"), karens.reference(), "Still blank", true, Channel.PORTAL)
            .getString("_id");
    f.desk
        .lifecycle()
        .transition(
            f.user("u-megan-price"),
            karens.reference(),
            TicketStatus.RESOLVED,
            "Replaced the lamp",
            Channel.PORTAL);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
    f.close();
  }

  static HttpResponse<Buffer> call(String user, HttpMethod method, String path, JsonObject body) {
    try {
      return send(user, method, path, body);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  static HttpResponse<Buffer> send(String user, HttpMethod method, String path, JsonObject body)
      throws java.util.concurrent.TimeoutException {
    var req = client.request(method, server.actualPort(), "localhost", path);
    if (user != null) {
      req.putHeader("X-Test-User", user);
    }
    return (body == null ? req.send() : req.sendJsonObject(body)).await(20, TimeUnit.SECONDS);
  }

  @Test
  void noPrincipalIs401() {
    assertThat(call(null, HttpMethod.GET, "/api/desk/tickets", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anotherSchoolCannotReachAnythingOfStMarysByGuessingIds() {
    String ref = karens.reference();
    JsonObject any =
        new JsonObject()
            .put("text", "x")
            .put("to", "closed")
            .put("note", "x")
            .put("reason", "x")
            .put("groupId", "schools-desk")
            .put("transcript", "x")
            .put("articleId", "kb-1")
            .put("parent", ref)
            .put("rating", 5)
            .put("decision", "approve")
            .put("comment", "ok")
            .put("reference", ref);
    List<Object[]> routes =
        List.of(
            new Object[] {HttpMethod.GET, "/api/desk/tickets/" + ref},
            new Object[] {HttpMethod.GET, "/api/desk/tickets/" + ref + "/comments"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/comments"},
            new Object[] {HttpMethod.GET, "/api/desk/tickets/" + ref + "/events"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/transitions"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/reopen"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/assign"},
            new Object[] {HttpMethod.PUT, "/api/desk/tickets/" + ref + "/transcript"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/articles"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/major-incident"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/parent"},
            new Object[] {HttpMethod.POST, "/api/desk/tickets/" + ref + "/csat"},
            new Object[] {HttpMethod.GET, "/api/desk/tickets/" + ref + "/similar"},
            new Object[] {HttpMethod.GET, "/api/desk/similar?desk=schools&text=whiteboard"},
            new Object[] {HttpMethod.GET, "/api/desk/config/calendar"},
            new Object[] {HttpMethod.PUT, "/api/desk/config/routing-rules/x"},
            new Object[] {HttpMethod.GET, "/api/desk/queues"},
            new Object[] {HttpMethod.GET, "/api/desk/queues/schools-desk/tickets"},
            new Object[] {HttpMethod.POST, "/api/desk/approvals/" + karensComment + "/decision"},
            new Object[] {HttpMethod.GET, "/api/desk/projects"},
            new Object[] {HttpMethod.GET, "/api/desk/projects/financeone"},
            new Object[] {HttpMethod.GET, "/api/desk/projects/financeone/tickets"},
            new Object[] {HttpMethod.GET, "/api/desk/projects/financeone/trends"},
            new Object[] {HttpMethod.POST, "/api/desk/projects/financeone/handover"},
            new Object[] {HttpMethod.POST, "/api/desk/projects/financeone/window"},
            new Object[] {HttpMethod.GET, "/api/desk/schools/st-marys-primary"},
            new Object[] {HttpMethod.GET, "/api/desk/schools/st-marys-primary/tickets"},
            new Object[] {HttpMethod.GET, "/api/desk/schools/st-marys-primary/metrics"},
            new Object[] {HttpMethod.GET, "/api/desk/metrics?school=st-marys-primary"},
            new Object[] {HttpMethod.GET, "/api/desk/metrics.csv?school=st-marys-primary"},
            new Object[] {HttpMethod.GET, "/api/desk/problems"},
            new Object[] {HttpMethod.POST, "/api/desk/problems"},
            new Object[] {HttpMethod.GET, "/api/desk/problems/PRB-000001"},
            new Object[] {HttpMethod.POST, "/api/desk/problems/PRB-000001/incidents"},
            new Object[] {HttpMethod.POST, "/api/desk/problems/PRB-000001/known-error"});
    for (String intruder : List.of("u-paul-roberts", "u-julie-hall")) {
      for (Object[] r : routes) {
        HttpResponse<Buffer> res = call(intruder, (HttpMethod) r[0], (String) r[1], any);
        assertThat(res.statusCode())
            .as(intruder + " " + r[0] + " " + r[1] + " -> " + res.bodyAsString())
            .isIn(403, 404);
        assertThat(res.bodyAsString()).doesNotContain("secret title").doesNotContain("Still blank");
      }
      // Listings of their own show nothing of St Mary's.
      assertThat(
              call(intruder, HttpMethod.GET, "/api/desk/tickets?scope=mine", null).bodyAsString())
          .doesNotContain(ref);
      assertThat(call(intruder, HttpMethod.GET, "/api/desk/schools", null).bodyAsString())
          .doesNotContain("st-marys-primary");
    }
    assertThat(
            call("u-paul-roberts", HttpMethod.GET, "/api/desk/tickets?scope=school", null)
                .bodyAsString())
        .doesNotContain(ref);
    // Nothing was changed by any of it.
    Ticket after = f.desk.tickets().get(f.user("u-megan-price"), ref);
    assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(f.desk.tickets().comments(f.user("u-megan-price"), ref)).hasSize(1);
    // While St Mary's own admin sees it all.
    assertThat(call("u-sarah-jones", HttpMethod.GET, "/api/desk/tickets/" + ref, null).statusCode())
        .isEqualTo(200);
    assertThat(
            call(
                    "u-sarah-jones",
                    HttpMethod.GET,
                    "/api/desk/schools/st-marys-primary/metrics",
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            call("u-sarah-jones", HttpMethod.GET, "/api/desk/tickets?scope=school", null)
                .bodyAsString())
        .contains(ref);
  }

  @Test
  void badInputGetsA4xxThatSaysWhatToFix() throws Exception {
    String priya = "u-priya-shah";
    HttpResponse<Buffer> unknown =
        call(
            priya,
            HttpMethod.POST,
            "/api/desk/tickets",
            new JsonObject().put("title", "x").put("service", "Teleportation"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("error")).contains("not in the catalogue");
    assertThat(
            call(
                    priya,
                    HttpMethod.POST,
                    "/api/desk/tickets",
                    new JsonObject().put("service", "Printing"))
                .bodyAsJsonObject()
                .getString("error"))
        .contains("title");
    assertThat(
            call(
                    priya,
                    HttpMethod.POST,
                    "/api/desk/tickets",
                    new JsonObject().put("title", "x".repeat(300)).put("service", "Printing"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            call(
                    priya,
                    HttpMethod.POST,
                    "/api/desk/tickets",
                    new JsonObject()
                        .put("title", "x")
                        .put("service", "Printing")
                        .put("channel", "fax"))
                .bodyAsJsonObject()
                .getString("error"))
        .contains("teams, portal or api");
    HttpResponse<Buffer> form =
        call(
            priya,
            HttpMethod.POST,
            "/api/desk/requests",
            new JsonObject()
                .put("itemId", "new-starter")
                .put("form", new JsonObject().put("startDate", "next week")));
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.bodyAsJsonObject().getJsonObject("fields").getString("startDate"))
        .contains("2026-03-31");
    assertThat(form.bodyAsJsonObject().getJsonObject("fields").fieldNames())
        .contains("fullName", "jobTitle", "team", "equipment");
    var bad =
        client
            .post(server.actualPort(), "localhost", "/api/desk/tickets")
            .putHeader("X-Test-User", priya)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{not json"))
            .await(10, TimeUnit.SECONDS);
    assertThat(bad.statusCode()).isEqualTo(400);
    var huge =
        client
            .post(server.actualPort(), "localhost", "/api/desk/tickets")
            .putHeader("X-Test-User", priya)
            .sendJsonObject(
                new JsonObject()
                    .put("title", "x")
                    .put("service", "Printing")
                    .put("transcript", "y".repeat(600_000)))
            .await(10, TimeUnit.SECONDS);
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void agentWorksATicketThroughTheApi() {
    HttpResponse<Buffer> created =
        call(
            "u-tom-hughes",
            HttpMethod.POST,
            "/api/desk/tickets",
            new JsonObject()
                .put("title", "Laptop docking station not detected")
                .put("service", "Devices and hardware")
                .put("impact", 3)
                .put("urgency", 2)
                .put("channel", "portal"));
    assertThat(created.statusCode()).isEqualTo(201);
    String ref = created.bodyAsJsonObject().getJsonObject("ticket").getString("reference");
    assertThat(created.bodyAsJsonObject().getJsonObject("ticket").containsKey("transcript"))
        .isFalse();
    String liam = "u-liam-evans";
    HttpResponse<Buffer> q =
        call(
            liam,
            HttpMethod.GET,
            "/api/desk/queues/euc/tickets?status=new&sort=priority&size=10",
            null);
    assertThat(q.statusCode()).isEqualTo(200);
    assertThat(q.bodyAsString()).contains(ref);
    assertThat(
            call(
                    liam,
                    HttpMethod.POST,
                    "/api/desk/tickets/" + ref + "/assign",
                    new JsonObject().put("assigneeId", "u-liam-evans"))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<Buffer> illegal =
        call(
            liam,
            HttpMethod.POST,
            "/api/desk/tickets/" + ref + "/transitions",
            new JsonObject().put("to", "closed"));
    assertThat(illegal.statusCode()).isEqualTo(409);
    assertThat(illegal.bodyAsJsonObject().getString("error")).contains("cannot move to closed");
    assertThat(
            call(
                    liam,
                    HttpMethod.POST,
                    "/api/desk/tickets/" + ref + "/comments",
                    new JsonObject().put("text", "Try the other USB-C port").put("public", true))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            call(
                    liam,
                    HttpMethod.POST,
                    "/api/desk/tickets/" + ref + "/transitions",
                    new JsonObject().put("to", "resolved").put("note", "Firmware updated"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            call(
                    "u-tom-hughes",
                    HttpMethod.POST,
                    "/api/desk/tickets/" + ref + "/csat",
                    new JsonObject().put("rating", 5).put("comment", "Great"))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            call("u-tom-hughes", HttpMethod.GET, "/api/desk/tickets/" + ref + "/events", null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call(liam, HttpMethod.GET, "/api/desk/tickets/" + ref + "/events", null).bodyAsString())
        .contains("\"status\"")
        .contains("assigned");
    HttpResponse<Buffer> csv =
        call("u-fiona-campbell", HttpMethod.GET, "/api/desk/metrics.csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString()).startsWith("section,key,value");
    assertThat(call("u-tom-hughes", HttpMethod.GET, "/api/desk/metrics", null).statusCode())
        .isEqualTo(403);
    assertThat(call("u-priya-shah", HttpMethod.GET, "/api/desk/catalogue", null).bodyAsString())
        .contains("password-reset")
        .doesNotContain("onsite-visit");
    assertThat(call("u-karen-white", HttpMethod.GET, "/api/desk/catalogue", null).bodyAsString())
        .contains("onsite-visit")
        .doesNotContain("password-reset");
    // The audit trail: "created" is kept in the ticket itself, the rest are appended events.
    assertThat(
            f.desk
                .tickets()
                .repository()
                .eventCollection()
                .countDocuments(new Document("ticketId", ref)))
        .isGreaterThanOrEqualTo(3);
    assertThat(f.desk.tickets().repository().events(ref))
        .hasSizeGreaterThanOrEqualTo(4)
        .first()
        .extracting(d -> d.getString("type"))
        .isEqualTo("created");
  }
}
