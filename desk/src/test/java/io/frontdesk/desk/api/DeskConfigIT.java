package io.frontdesk.desk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.config.DeskConfigService;
import io.frontdesk.desk.sla.BusinessCalendar;
import io.frontdesk.desk.sla.SlaPolicy;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.desk.ticket.Ticket;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin changes the calendar, SLA policy, groups and routing rules over HTTP while the desk
 * runs, and the next ticket follows them; nobody else can change them, and bad settings are refused
 * with a message naming the field.
 */
class DeskConfigIT {
  static final String ADMIN = "u-mark-davies";
  static final String AGENT = "u-megan-price";
  static final String SCHOOL = "u-julie-hall";

  DeskFixture f;
  Vertx vertx;
  HttpServer server;
  WebClient client;

  @BeforeEach
  void start() throws Exception {
    f = new DeskFixture(Instant.parse("2026-03-02T09:00:00Z"));
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
    root.route().failureHandler(HttpErrors::handle);
    server = vertx.createHttpServer().requestHandler(root).listen(0).await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
    f.close();
  }

  HttpResponse<Buffer> call(String user, HttpMethod method, String path, JsonObject body)
      throws Exception {
    var req = client.request(method, server.actualPort(), "localhost", path);
    req.putHeader("X-Test-User", user);
    return (body == null ? req.send() : req.sendJsonObject(body)).await(20, TimeUnit.SECONDS);
  }

  Ticket raise(String title, String service) {
    return f.desk
        .tickets()
        .create(f.user("u-gareth-lloyd"), NewTicket.incident(Channel.PORTAL, service, title, null))
        .ticket();
  }

  @Test
  void onlyAdminsChangeSettingsAndSchoolsCannotReadThem() throws Exception {
    JsonObject cal =
        call(AGENT, HttpMethod.GET, "/api/desk/config/calendar", null).bodyAsJsonObject();
    assertThat(cal.getString("zone")).isEqualTo("Europe/London");
    for (String path :
        new String[] {
          "/api/desk/config/calendar",
          "/api/desk/config/sla-policy",
          "/api/desk/config/groups",
          "/api/desk/config/routing-rules"
        }) {
      assertThat(call(SCHOOL, HttpMethod.GET, path, null).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(call(AGENT, HttpMethod.PUT, "/api/desk/config/calendar", cal).statusCode())
        .isEqualTo(403);
    assertThat(
            call(AGENT, HttpMethod.DELETE, "/api/desk/config/routing-rules/security-keywords", null)
                .statusCode())
        .isEqualTo(403);
    assertThat(f.desk.groups().rules()).extracting(r -> r.id()).contains("security-keywords");
  }

  @Test
  void aNewBankHolidayMovesTheNextTicketsDueTimesWithoutARestart() throws Exception {
    Instant before =
        raise("Laptop will not start", "Devices and hardware")
            .sla()
            .getDate("responseDue")
            .toInstant();
    JsonObject cal =
        call(ADMIN, HttpMethod.GET, "/api/desk/config/calendar", null).bodyAsJsonObject();
    cal.getJsonArray("holidays").add("2026-03-02");
    HttpResponse<Buffer> put = call(ADMIN, HttpMethod.PUT, "/api/desk/config/calendar", cal);
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getJsonArray("holidays").getList()).contains("2026-03-02");
    // A change made through the API is in the admin audit trail, as one made on the pages is.
    var entry = f.audit.of(f.user(ADMIN), "calendar").get(0);
    assertThat(entry.getString("action")).isEqualTo("calendar.save");
    assertThat(entry.getString("actorId")).isEqualTo(ADMIN);
    assertThat(entry.getString("detail")).contains("bank holidays added [2026-03-02]");
    Instant after =
        raise("Monitor flickers", "Devices and hardware").sla().getDate("responseDue").toInstant();
    // P4: a response within one working day (510 minutes); Monday is now a holiday.
    assertThat(before).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(after).isEqualTo(Instant.parse("2026-03-03T17:00:00Z"));
    // Another server process on the same store reads the same calendar.
    DeskConfigService other =
        new DeskConfigService(
            f.store.database(),
            f.desk.groups(),
            f.desk.catalogue(),
            f.clock,
            0,
            BusinessCalendar.councilDefault(),
            SlaPolicy.councilDefault(),
            f.audit);
    assertThat(other.calendar().isWorkingDay(LocalDate.parse("2026-03-02"))).isFalse();
  }

  @Test
  void badCalendarsAndPoliciesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
    JsonObject cal =
        call(ADMIN, HttpMethod.GET, "/api/desk/config/calendar", null).bodyAsJsonObject();
    JsonObject[] bad = {
      cal.copy().put("zone", "Mars/Olympus"),
      cal.copy().put("open", "18:00"),
      cal.copy().put("workingDays", new JsonArray().add("Funday")),
      cal.copy().put("holidays", new JsonArray().add("25/12/2026")),
    };
    String[] field = {"zone", "close", "workingDays", "holidays"};
    for (int i = 0; i < bad.length; i++) {
      HttpResponse<Buffer> r = call(ADMIN, HttpMethod.PUT, "/api/desk/config/calendar", bad[i]);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).contains(field[i]);
    }
    JsonObject policy =
        call(ADMIN, HttpMethod.GET, "/api/desk/config/sla-policy", null).bodyAsJsonObject();
    JsonObject noP1 = policy.copy();
    noP1.getJsonObject("byPriority").remove("P1");
    HttpResponse<Buffer> r = call(ADMIN, HttpMethod.PUT, "/api/desk/config/sla-policy", noP1);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("byPriority");
    JsonObject unknownService =
        policy
            .copy()
            .put(
                "byService",
                new JsonObject().put("Teleportation", policy.getJsonObject("byPriority")));
    assertThat(
            call(ADMIN, HttpMethod.PUT, "/api/desk/config/sla-policy", unknownService)
                .bodyAsString())
        .containsIgnoringCase("Teleportation");
    assertThat(call(ADMIN, HttpMethod.GET, "/api/desk/config/calendar", null).bodyAsJsonObject())
        .isEqualTo(cal);
    assertThat(f.sla.policy()).isEqualTo(SlaPolicy.councilDefault());
  }

  @Test
  void aTighterPolicyForAServiceAppliesToTheNextTicket() throws Exception {
    JsonObject policy =
        call(ADMIN, HttpMethod.GET, "/api/desk/config/sla-policy", null).bodyAsJsonObject();
    JsonObject tight = policy.getJsonObject("byPriority").copy();
    tight.put("P4", new JsonObject().put("responseMinutes", 30).put("resolutionMinutes", 120));
    policy.put("byService", new JsonObject().put("Printing", tight));
    HttpResponse<Buffer> r = call(ADMIN, HttpMethod.PUT, "/api/desk/config/sla-policy", policy);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    Ticket printing = raise("Printer jams on every page", "Printing");
    Ticket devices = raise("Keyboard missing keys", "Devices and hardware");
    assertThat(printing.priority()).isEqualTo("P4");
    assertThat(printing.sla().get("resolutionMinutes", Number.class).longValue()).isEqualTo(120);
    assertThat(devices.sla().get("resolutionMinutes", Number.class).longValue()).isEqualTo(5 * 510);
  }

  @Test
  void aNewGroupAndRuleRouteTheNextTicketAndDeletingTheRuleRoutesAsBefore() throws Exception {
    JsonObject rule =
        new JsonObject()
            .put("order", 1)
            .put("desk", "staff")
            .put("keywords", new JsonArray().add("records portal"))
            .put("groupId", "records-team");
    HttpResponse<Buffer> noGroup =
        call(ADMIN, HttpMethod.PUT, "/api/desk/config/routing-rules/records", rule);
    assertThat(noGroup.statusCode()).isEqualTo(400);
    assertThat(noGroup.bodyAsJsonObject().getString("error")).contains("groupId");
    JsonObject group =
        new JsonObject().put("name", "Records (level 2)").put("desk", "staff").put("level", 2);
    assertThat(
            call(ADMIN, HttpMethod.PUT, "/api/desk/config/groups/records-team", group).statusCode())
        .isEqualTo(200);
    assertThat(call(ADMIN, HttpMethod.PUT, "/api/desk/config/groups/Bad Id", group).statusCode())
        .isIn(400, 404);
    HttpResponse<Buffer> ok =
        call(ADMIN, HttpMethod.PUT, "/api/desk/config/routing-rules/records", rule);
    assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
    Ticket routed = raise("The records portal shows an error", "Software and applications");
    assertThat(routed.groupId()).isEqualTo("records-team");
    assertThat(
            call(AGENT, HttpMethod.GET, "/api/desk/queues/records-team/tickets", null)
                .bodyAsString())
        .contains(routed.reference());
    assertThat(
            call(ADMIN, HttpMethod.DELETE, "/api/desk/config/routing-rules/records", null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            call(ADMIN, HttpMethod.DELETE, "/api/desk/config/routing-rules/records", null)
                .statusCode())
        .isEqualTo(404);
    assertThat(f.audit.of(f.user(ADMIN), "records"))
        .extracting(d -> d.getString("action"))
        .containsExactlyInAnyOrder("rule.delete", "rule.save");
    Ticket after = raise("The records portal is slow today", "Software and applications");
    assertThat(after.groupId()).isEqualTo("applications");
  }
}
