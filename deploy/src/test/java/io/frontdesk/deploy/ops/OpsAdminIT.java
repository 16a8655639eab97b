package io.frontdesk.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Role;
import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.CatalogueRepository;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin screens that add things, over HTTP: catalogue items (added, refused with the field
 * named, requestable at once through the portal and the desk API, retired), people and schools (a
 * school's new staff get an invitation); every change in the audit trail; nobody else may.
 */
class OpsAdminIT {
  static PortalFixture fx;

  @BeforeAll
  static void start() {
    // Other processes' catalogue changes are read this often (5 s by default).
    fx = new PortalFixture(Map.of("FRONTDESK_DESK_CONFIG_REFRESH_MS", "200"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Map<String, String> laptopItem() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", "laptop-request");
    f.put("name", "Request a laptop <b>now</b>");
    f.put("description", "A new or replacement laptop.");
    f.put("service", "Devices and hardware");
    f.put("audience", "staff");
    f.put(
        "fields",
        "model | Which model | select | required | Small, Large\nreason | Why | textarea | optional");
    f.put("approval", "line-manager");
    f.put("approverGroupId", "");
    f.put("groupId", "euc");
    f.put("priority", "P4");
    return f;
  }

  @Test
  void onlyAdminsReachTheScreensThatAddThings() {
    List<String> pages =
        List.of(
            "/admin/catalogue/new",
            "/admin/catalogue/password-reset",
            "/admin/users/new",
            "/admin/schools/new");
    List<String> posts =
        List.of(
            "/admin/catalogue",
            "/admin/catalogue/password-reset",
            "/admin/catalogue/password-reset/retire",
            "/admin/catalogue/password-reset/restore",
            "/admin/users",
            "/admin/schools");
    for (Role role : List.of(Role.STAFF, Role.SCHOOL_ADMIN, Role.CHAMPION, Role.AGENT)) {
      PortalClient c = fx.client().signInAs(role);
      for (String page : pages) {
        assertThat(c.get(page).statusCode()).as(role + " GET " + page).isEqualTo(403);
      }
      c.get("/");
      for (String post : posts) {
        assertThat(c.post(post, laptopItem()).statusCode())
            .as(role + " POST " + post)
            .isEqualTo(403);
      }
    }
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    assertThat(staff.get("/raise/request/password-reset").statusCode()).isEqualTo(200);
    assertThat(staff.get("/raise/request/laptop-request").statusCode()).isEqualTo(404);
  }

  @Test
  void anAdminAddsACatalogueItemThatIsRequestableAtOnceThenRetiresIt() {
    PortalClient admin = fx.client().signInAs("u-mark-davies");
    assertThat(admin.get("/admin/catalogue").body()).contains("Add an item", "Reset my password");
    admin.get("/admin/catalogue/new");
    Map<String, String> bad = laptopItem();
    bad.put("groupId", "");
    bad.put("fields", "model | Which model | select | required\nreason | Why | textarea | maybe");
    HttpResponse<String> refused = admin.post("/admin/catalogue", bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("href=\"#fields\"", "Line 2: say required or optional")
        .contains("Request a laptop &lt;b")
        .doesNotContain("<b>now</b>");
    bad.put("fields", "model | Which model | select | required");
    HttpResponse<String> refusedAgain = admin.post("/admin/catalogue", bad);
    assertThat(refusedAgain.statusCode()).isEqualTo(400);
    assertThat(refusedAgain.body())
        .contains("href=\"#groupId\"", "Choose the resolver group that fulfils it")
        .contains("href=\"#fields\"", "Field 1 (model): a choice needs 1 to 30 options");

    HttpResponse<String> saved = admin.post("/admin/catalogue", laptopItem());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(admin.get("/admin/catalogue?done=saved").body())
        .contains("The catalogue item was saved", "laptop-request", "Which model (required)")
        .doesNotContain("<b>now</b>");

    // The requester sees it at once, through the portal and through the desk's API (the bot's).
    PortalClient staff = fx.client().signInAs("u-tom-hughes");
    assertThat(staff.get("/raise").body()).contains("laptop-request");
    assertThat(staff.get("/raise/request/laptop-request").body()).contains("Which model", "Large");
    assertThat(staff.api("GET", "/api/desk/catalogue/laptop-request", null).body())
        .contains("\"groupId\":\"euc\"", "Small");

    // Editing keeps the fields' other settings; the id is fixed by the URL.
    Map<String, String> edit = laptopItem();
    edit.put("name", "Request a laptop");
    edit.put("priority", "P3");
    assertThat(admin.post("/admin/catalogue/laptop-request", edit).statusCode()).isEqualTo(303);
    assertThat(staff.api("GET", "/api/desk/catalogue/laptop-request", null).body())
        .contains("\"priority\":\"P3\"");

    assertThat(admin.post("/admin/catalogue/laptop-request/retire", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(admin.get("/admin/catalogue").body()).contains("Retired", "Offer again");
    assertThat(staff.get("/raise/request/laptop-request").statusCode()).isEqualTo(404);
    assertThat(staff.api("GET", "/api/desk/catalogue/laptop-request", null).statusCode())
        .isEqualTo(404);

    assertThat(admin.get("/admin").body())
        .contains("catalogue.item.add", "catalogue.item.edit", "catalogue.item.retire")
        .contains("laptop-request", "resolver group euc");
  }

  @Test
  void anItemStoredByAnotherServerProcessIsOfferedHereWithoutARestart() {
    // What another process's CatalogueAdmin would store, written straight to the shared store.
    CatalogueRepository other = new CatalogueRepository(fx.server.context().store().database());
    other.save(
        new CatalogueRepository.Stored(
            new CatalogueItem(
                "desk-phone",
                "Request a desk phone",
                "",
                "Telephony",
                "staff",
                List.of(),
                "none",
                null,
                null,
                "service-desk",
                "P4",
                false),
            other.nextOrder(),
            false),
        "u-mark-davies",
        Instant.now());
    PortalClient staff = fx.client().signInAs("u-tom-hughes");
    // Waits for this server's refresh timer to read the store (every 200 ms here).
    Instant deadline = Instant.now().plusSeconds(10);
    int status = 404;
    while (status != 200 && Instant.now().isBefore(deadline)) {
      status = staff.api("GET", "/api/desk/catalogue/desk-phone", null).statusCode();
    }
    assertThat(status).isEqualTo(200);
    assertThat(staff.get("/raise").body()).contains("Request a desk phone");
  }

  @Test
  void anAdminAddsASchoolAndItsHeadWhoIsInvitedAndStaffWhoAreNot() throws Exception {
    PortalClient admin = fx.client().signInAs("u-mark-davies");
    admin.get("/admin/schools/new");
    Map<String, String> school = new LinkedHashMap<>();
    school.put("id", "elm-primary");
    school.put("name", "Elm Primary");
    school.put("tier", "Bronze");
    school.put("covered", "Schools ICT");
    school.put("onsiteDays", "lots");
    HttpResponse<String> bad = admin.post("/admin/schools", school);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("href=\"#onsiteDays\"");
    school.put("onsiteDays", "3");
    HttpResponse<String> ok = admin.post("/admin/schools", school);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
    assertThat(admin.get("/admin/schools").body()).contains("Elm Primary", "Bronze");
    assertThat(admin.post("/admin/schools", school).body())
        .contains("href=\"#id\"", "already a school");

    admin.get("/admin/users/new");
    Map<String, String> head = new LinkedHashMap<>();
    head.put("name", "Helen Head");
    head.put("email", "helen.head@elm.sch.uk");
    head.put("schoolId", "elm-primary");
    head.put("roles", "AGENT");
    head.put("groups", "");
    HttpResponse<String> wrongRole = admin.post("/admin/users", head);
    assertThat(wrongRole.statusCode()).isEqualTo(400);
    assertThat(wrongRole.body()).contains("href=\"#roles\"", "school admin roles");
    head.put("roles", "SCHOOL_ADMIN");
    HttpResponse<String> added = admin.post("/admin/users", head);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(admin.get(added.headers().firstValue("Location").orElseThrow()).body())
        .contains("Helen Head", "elm-primary");
    String link = mailedLink("helen.head@elm.sch.uk", "/accept-invitation?token=");
    assertThat(fx.client().get(link.substring(fx.baseUrl.length())).body())
        .contains("Create your password");
    assertThat(admin.post("/admin/users", head).body())
        .contains("href=\"#email\"", "already has an account");

    Map<String, String> agent = new LinkedHashMap<>();
    agent.put("name", "Ann Agent");
    agent.put("email", "ann.agent@northshire.gov.uk");
    agent.put("schoolId", "");
    agent.put("roles", "AGENT");
    agent.put("groups", "network");
    assertThat(admin.post("/admin/users", agent).statusCode()).isEqualTo(303);
    assertThat(admin.get("/admin/users").body()).contains("Ann Agent", "network");

    assertThat(admin.get("/admin").body())
        .contains("school.add", "elm-primary", "user.add", "Helen Head", "Ann Agent");
  }

  /** The link in the demo mail-drop message to {@code email}. */
  static String mailedLink(String email, String pathPrefix) throws Exception {
    Pattern link = Pattern.compile(Pattern.quote(fx.baseUrl + pathPrefix) + "[A-Za-z0-9_-]{43}");
    Matcher m = link.matcher(MailDrop.await(fx.dataDir, email, t -> link.matcher(t).find()));
    assertThat(m.find()).isTrue();
    return m.group();
  }
}
