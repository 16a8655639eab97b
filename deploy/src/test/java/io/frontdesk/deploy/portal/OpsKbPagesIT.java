package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Role;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Champions' pages and the managers' dashboard over HTTP: roles, workflow, reports, CSV. */
class OpsKbPagesIT {
  static final String EMMA = "u-emma-clarke";
  static final String CHRIS = "u-chris-walker";
  static final String FIONA = "u-fiona-campbell";
  static PortalFixture fx;

  static final List<String> CHAMPION_PAGES =
      List.of(
          "/champion",
          "/champion/new",
          "/champion/stale",
          "/champion/gaps",
          "/champion/synonyms",
          "/champion/articles/change-password",
          "/champion/articles/change-password/edit",
          "/champion/articles/change-password/history",
          "/champion/articles/change-password/feedback");
  static final List<String> CHAMPION_POSTS =
      List.of(
          "/champion/new",
          "/champion/preview",
          "/champion/synonyms",
          "/champion/synonyms/delete",
          "/champion/articles/change-password/edit",
          "/champion/articles/change-password/submit",
          "/champion/articles/change-password/approve",
          "/champion/articles/change-password/reject",
          "/champion/articles/change-password/archive",
          "/champion/articles/change-password/restore");
  static final List<String> MANAGER_PAGES = List.of("/manager", "/manager/csv/channel");

  @BeforeAll
  static void start() {
    fx = new PortalFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyPageAndEndpointChecksTheRole() {
    PortalClient anonymous = fx.client();
    for (String p : CHAMPION_PAGES) {
      HttpResponse<String> r = anonymous.get(p);
      assertThat(r.statusCode()).as(p).isEqualTo(303);
      assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/sign-in?next=");
    }
    for (Role role : List.of(Role.STAFF, Role.SCHOOL_CONTACT, Role.SCHOOL_ADMIN, Role.AGENT)) {
      PortalClient c = fx.client().signInAs(role);
      for (String p : CHAMPION_PAGES) {
        assertThat(c.get(p).statusCode()).as(role + " GET " + p).isEqualTo(403);
      }
      for (String p : MANAGER_PAGES) {
        assertThat(c.get(p).statusCode()).as(role + " GET " + p).isEqualTo(403);
      }
      c.get("/");
      for (String p : CHAMPION_POSTS) {
        assertThat(c.post(p, Map.of("version", "1", "group", "vpn")).statusCode())
            .as(role + " POST " + p)
            .isEqualTo(403);
      }
    }
    PortalClient champion = fx.client().signInAs(EMMA);
    for (String p : MANAGER_PAGES) {
      assertThat(champion.get(p).statusCode()).as("champion GET " + p).isEqualTo(403);
    }
    PortalClient manager = fx.client().signInAs(FIONA);
    for (String p : CHAMPION_PAGES) {
      assertThat(manager.get(p).statusCode()).as("manager GET " + p).isEqualTo(403);
    }
    assertThat(manager.get("/").body()).contains("href=\"/manager\"").doesNotContain("/champion");
    assertThat(champion.get("/").body()).contains("href=\"/champion\"").doesNotContain("/manager");
  }

  @Test
  void aChampionDraftsASecondApprovesAndItIsSearchableAtOnce() {
    PortalClient emma = fx.client().signInAs(EMMA);
    emma.get("/champion/new");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", "book-a-pool-car");
    form.put("title", "Book a pool car");
    form.put(
        "body",
        "Use the **fleet portal** to book a zorbleflux pool car.\n\n<script>alert(1)</script>");
    form.put("tags", "car, travel");
    form.put("service", "Software and applications");
    form.put("audience", "staff");
    form.put("reviewBy", "2020-01-31");
    form.put("action", "preview");

    HttpResponse<String> preview = emma.post("/champion/new", form);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("<strong>fleet portal</strong>")
        .doesNotContain("<script>alert");
    HttpResponse<String> live =
        emma.post("/champion/preview", Map.of("body", "# Hi <img src=x onerror=alert(1)>"));
    assertThat(live.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    String html = new JsonObject(live.body()).getString("html");
    assertThat(html).contains("<h1>Hi").doesNotContain("onerror");

    Map<String, String> missing = new LinkedHashMap<>(form);
    missing.put("title", "");
    missing.put("action", "save");
    HttpResponse<String> bad = emma.post("/champion/new", missing);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("There is a problem", "href=\"#title\"", "Title is missing");

    form.put("action", "save");
    HttpResponse<String> saved = emma.post("/champion/new", form);
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location"))
        .contains("/champion/articles/book-a-pool-car?saved=1");
    assertThat(emma.get("/champion").body()).contains("Your drafts", "Book a pool car");
    emma.get("/champion/articles/book-a-pool-car");
    assertThat(emma.post("/champion/articles/book-a-pool-car/submit", Map.of()).statusCode())
        .isEqualTo(303);

    // The author sees why they cannot approve, and the knowledge API refuses if they try.
    String own = emma.get("/champion/articles/book-a-pool-car").body();
    assertThat(own)
        .contains(
            "You wrote or edited this draft since it was last published, so another Champion");
    assertThat(own).doesNotContain("/champion/articles/book-a-pool-car/approve");
    HttpResponse<String> selfApproval =
        emma.post("/champion/articles/book-a-pool-car/approve", Map.of());
    assertThat(selfApproval.statusCode()).isEqualTo(403);
    assertThat(selfApproval.body()).contains("you wrote or edited it since it was last published");

    PortalClient chris = fx.client().signInAs(CHRIS);
    assertThat(chris.get("/champion").body()).contains("Waiting for review", "Book a pool car");
    assertThat(chris.get("/champion/articles/book-a-pool-car").body())
        .contains("/champion/articles/book-a-pool-car/approve");
    HttpResponse<String> approved =
        chris.post("/champion/articles/book-a-pool-car/approve", Map.of());
    assertThat(approved.statusCode()).isEqualTo(303);
    long t0 = System.nanoTime();
    HttpResponse<String> found = chris.api("GET", "/api/kb/search?q=zorbleflux+pool+car", null);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(
            new JsonObject(found.body()).getJsonArray("results").getJsonObject(0).getString("id"))
        .isEqualTo("book-a-pool-car");
    assertThat(ms).isLessThan(1000);

    // Who approved what, on the dashboard and the article's trail.
    assertThat(chris.get("/champion").body())
        .contains("Recent approvals", "approved by Chris Walker, written by Emma Clarke")
        .doesNotContain("u-emma-clarke");
    assertThat(emma.get("/champion/articles/book-a-pool-car").body())
        .contains("approve", "Chris Walker", "Emma Clarke")
        .doesNotContain("by u-chris-walker");
    // Its review-by date has passed, so it is on the stale list.
    assertThat(emma.get("/champion/stale").body()).contains("Book a pool car", "2020-01-31");

    // Archived from its page: out of search at once.
    assertThat(emma.get("/champion/articles/book-a-pool-car").body())
        .contains("Archive this article");
    HttpResponse<String> archived =
        emma.post("/champion/articles/book-a-pool-car/archive", Map.of());
    assertThat(archived.statusCode()).isEqualTo(303);
    assertThat(emma.get(archived.headers().firstValue("Location").orElseThrow()).body())
        .contains("Archived: it is no longer found by search")
        .doesNotContain("Archive this article");
    assertThat(
            new JsonObject(chris.api("GET", "/api/kb/search?q=zorbleflux+pool+car", null).body())
                .getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("id")))
        .doesNotContain("book-a-pool-car");
  }

  @Test
  void historyShowsASideBySideDiffAndRestorePublishesAnOldVersion() {
    PortalClient emma = fx.client().signInAs(EMMA);
    String edit = emma.get("/champion/articles/change-password/edit").body();
    assertThat(edit).contains("Edit the article");
    String body = extractTextarea(edit);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", "Change your password, or update it when it has expired");
    form.put("body", body + "\nA brand new closing line.");
    form.put("tags", "password");
    form.put("service", "Accounts and access");
    form.put("audience", "staff");
    form.put("action", "save");
    assertThat(emma.post("/champion/articles/change-password/edit", form).statusCode())
        .isEqualTo(303);
    String history = emma.get("/champion/articles/change-password/history").body();
    assertThat(history)
        .contains("fd-diff__row--added", "A brand new closing line.", "Version 1", "Emma Clarke");
    assertThat(history).contains("Restore<span class=\"govuk-visually-hidden\"> version 1</span>");
    HttpResponse<String> restored =
        emma.post("/champion/articles/change-password/restore", Map.of("version", "1"));
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(emma.get(restored.headers().firstValue("Location").orElseThrow()).body())
        .contains("Version restored and submitted for review");
    assertThat(emma.get("/champion/articles/change-password/history?from=x").statusCode())
        .isEqualTo(400);
  }

  @Test
  void contentGapsPrefillTheEditorAndSynonymsCanBeEdited() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    staff.api(
        "GET",
        "/api/kb/search?q="
            + URLEncoder.encode("quantum teleporter booking", StandardCharsets.UTF_8),
        null);
    PortalClient emma = fx.client().signInAs(EMMA);
    String gaps = emma.get("/champion/gaps").body();
    assertThat(gaps)
        .contains("quantum teleporter booking", "/champion/new?q=quantum+teleporter+booking");
    String prefilled = emma.get("/champion/new?q=quantum+teleporter+booking").body();
    assertThat(prefilled)
        .contains("value=\"quantum-teleporter-booking\"", "value=\"Quantum teleporter booking\"");
    assertThat(emma.get("/champion/gaps?days=0").statusCode()).isEqualTo(400);

    emma.get("/champion/synonyms");
    HttpResponse<String> saved =
        emma.post(
            "/champion/synonyms",
            Map.of("group", "pool-car", "phrases", "pool car\nfleet vehicle"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(emma.get("/champion/synonyms?done=saved").body())
        .contains("pool-car", "pool car, fleet vehicle", "Synonyms saved");
    HttpResponse<String> bad =
        emma.post("/champion/synonyms", Map.of("group", "Bad Name!", "phrases", "a, b"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("href=\"#group\"");
    emma.get("/champion/synonyms");
    assertThat(emma.post("/champion/synonyms/delete", Map.of("group", "pool-car")).statusCode())
        .isEqualTo(303);
    assertThat(emma.get("/champion/synonyms").body()).doesNotContain("fleet vehicle");
  }

  @Test
  void theManagersDashboardHasEveryChartWithATableAndACsv() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    HttpResponse<String> raised =
        staff.api(
            "POST",
            "/api/desk/tickets",
            "{\"type\":\"incident\",\"service\":\"Printing\",\"title\":\"Printer jams on floor 2\"}");
    assertThat(raised.statusCode()).isEqualTo(201);

    PortalClient fiona = fx.client().signInAs(FIONA);
    HttpResponse<String> page = fiona.get("/manager?period=7");
    assertThat(page.statusCode()).isEqualTo(200);
    for (String id :
        List.of(
            "channel",
            "service",
            "self-service",
            "first-time-fix",
            "sla",
            "csat",
            "backlog",
            "els")) {
      assertThat(page.body()).contains("id=\"" + id + "\"", "/manager/csv/" + id + "?period=7");
    }
    assertThat(page.body()).contains("<svg", "role=\"img\"", "<th scope=\"row\"");
    assertThat(page.body()).doesNotContain("style=");

    HttpResponse<String> csv = fiona.get("/manager/csv/service?period=7");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", "frontdesk-service-");
    assertThat(csv.body()).startsWith("Service,Tickets\r\n").contains("Printing,");
    assertThat(fiona.get("/manager/csv/nothing?period=7").statusCode()).isEqualTo(404);
    assertThat(fiona.get("/manager?period=8").statusCode()).isEqualTo(400);
    assertThat(fiona.get("/manager?from=2026-01-01&to=2025-01-01").statusCode()).isEqualTo(400);
    assertThat(fiona.get("/manager?from=2026-02-01&to=2026-03-31").body())
        .contains("2026-02-01 to 2026-03-31");
  }

  private static String extractTextarea(String html) {
    int i = html.indexOf("id=\"body\"");
    int start = html.indexOf('>', i) + 1;
    return html.substring(start, html.indexOf("</textarea>", start))
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
