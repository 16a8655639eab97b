package io.frontdesk.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Role;
import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import io.frontdesk.desk.DemoData;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desk's own pages over HTTP (no JavaScript): role checks on every route, an agent working a
 * ticket from the queue to resolved with the requester notified, and an Early Life Support ticket
 * reaching its dashboard and being handed over.
 */
class OpsDeskIT {
  static PortalFixture fx;
  static List<String> notices;

  @BeforeAll
  static void start() {
    fx = new PortalFixture();
    notices = Notices.recordOn(fx);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static String raise(PortalClient c, String service, String title) {
    HttpResponse<String> r =
        c.api(
            "POST",
            "/api/desk/tickets",
            new JsonObject()
                .put("type", "incident")
                .put("service", service)
                .put("title", title)
                .put("description", title + " since this morning")
                .encode());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return new JsonObject(r.body()).getJsonObject("ticket").getString("reference");
  }

  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void schoolUsersStaffAndChampionsGet403OnEveryDeskPageAndAction() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    String ref = raise(staff, "Printing", "Printer on floor 2 jams on every job");
    List<String> pages =
        List.of(
            "/agent",
            "/agent/queues",
            "/agent/queues/service-desk",
            "/agent/tickets/" + ref,
            "/els",
            "/els/" + DemoData.ELS_PROJECT,
            "/admin",
            "/admin/groups",
            "/admin/calendar",
            "/admin/catalogue",
            "/admin/els",
            "/admin/schools",
            "/admin/users",
            "/admin/schools/st-marys-primary",
            "/admin/users/u-tom-hughes",
            "/admin/els/new",
            "/admin/els/financeone");
    List<String> posts =
        List.of(
            "/agent/tickets/" + ref + "/comment",
            "/agent/tickets/" + ref + "/assign",
            "/agent/tickets/" + ref + "/status",
            "/agent/tickets/" + ref + "/resolve",
            "/agent/tickets/" + ref + "/send-article",
            "/agent/tickets/" + ref + "/major-incident",
            "/agent/tickets/" + ref + "/parent",
            "/agent/tickets/" + ref + "/problem",
            "/els/" + DemoData.ELS_PROJECT + "/handover",
            "/els/" + DemoData.ELS_PROJECT + "/extend",
            "/els/" + DemoData.ELS_PROJECT + "/close",
            "/admin/groups/service-desk",
            "/admin/rules",
            "/admin/rules/network/delete",
            "/admin/calendar/holidays",
            "/admin/calendar/holidays/remove",
            "/admin/schools/st-marys-primary",
            "/admin/users/u-tom-hughes",
            "/admin/els");
    for (Role role : List.of(Role.STAFF, Role.SCHOOL_CONTACT, Role.SCHOOL_ADMIN, Role.CHAMPION)) {
      PortalClient c = fx.client().signInAs(role);
      for (String page : pages) {
        HttpResponse<String> r = c.get(page);
        assertThat(r.statusCode()).as(role + " GET " + page).isEqualTo(403);
        assertThat(r.body()).contains("You cannot do that");
      }
      c.get("/");
      for (String post : posts) {
        assertThat(
                c.post(post, Map.of("text", "x", "visibility", "public", "note", "x")).statusCode())
            .as(role + " POST " + post)
            .isEqualTo(403);
      }
      assertThat(c.api("GET", "/api/desk/queues", null).statusCode()).isEqualTo(403);
      assertThat(c.api("GET", "/api/desk/queues/service-desk/tickets", null).statusCode())
          .isEqualTo(403);
    }
    // An agent is not an admin either.
    PortalClient agent = fx.client().signInAs("u-gareth-lloyd");
    for (String page : List.of("/admin", "/admin/groups", "/admin/calendar", "/admin/users")) {
      assertThat(agent.get(page).statusCode()).as("agent GET " + page).isEqualTo(403);
    }
    assertThat(agent.post("/admin/groups/service-desk", Map.of("capacity", "1")).statusCode())
        .isEqualTo(403);
    // Nothing changed on the ticket.
    assertThat(agent.get("/agent/tickets/" + ref).body()).doesNotContain("Reply to requester");
    // Not signed in: sent to sign in.
    assertThat(fx.client().get("/agent/queues").statusCode()).isEqualTo(303);
  }

  @Test
  void anAgentWorksATicketFromTheQueueToResolvedAndTheRequesterIsNotified() {
    PortalClient staff = fx.client().signInAs("u-tom-hughes");
    String ref = raise(staff, "Email and calendar", "Shared calendar shows blank pages");

    PortalClient agent = fx.client().signInAs("u-gareth-lloyd");
    HttpResponse<String> queues = agent.get("/agent/queues");
    assertThat(queues.statusCode()).isEqualTo(200);
    assertThat(queues.body()).contains("Service Desk (level 1)", "Capacity", "Within capacity");

    HttpResponse<String> queue = agent.get("/agent/queues/service-desk?sort=created&status=new");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains(ref, "Shared calendar shows blank pages", "left");
    assertThat(agent.get("/agent/queues/service-desk?priority=P9").statusCode()).isEqualTo(400);
    assertThat(agent.get("/agent/queues/service-desk?page=x").statusCode()).isEqualTo(400);
    assertThat(agent.get("/agent/queues/no-such-group").statusCode()).isEqualTo(404);

    HttpResponse<String> page = agent.get("/agent/tickets/" + ref);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Tom Hughes", "Timeline", "Logged", "Suggested articles");

    assertThat(
            agent
                .post(
                    "/agent/tickets/" + ref + "/assign",
                    Map.of("groupId", "service-desk", "assigneeId", "u-gareth-lloyd"))
                .statusCode())
        .isEqualTo(303);
    agent.get("/agent/tickets/" + ref);
    HttpResponse<String> empty =
        agent.post(
            "/agent/tickets/" + ref + "/comment", Map.of("text", "", "visibility", "public"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("There is a problem", "Enter a comment");

    agent.post(
        "/agent/tickets/" + ref + "/comment",
        Map.of("text", "Internal: toner sensor suspected", "visibility", "internal"));
    HttpResponse<String> commented =
        agent.post(
            "/agent/tickets/" + ref + "/comment",
            Map.of("text", "We are sending an engineer <today>", "visibility", "public"));
    assertThat(commented.statusCode()).isEqualTo(303);
    assertThat(commented.headers().firstValue("Location"))
        .contains("/agent/tickets/" + ref + "?done=comment");
    HttpResponse<String> after = agent.get(location(commented));
    assertThat(after.body())
        .contains("Your comment was added", "We are sending an engineer &lt;today&gt;")
        .contains("Internal note", "Gareth Lloyd")
        .doesNotContain("<today>");

    // One click sends an article; the link in it is absolute, since it leaves the portal.
    assertThat(
            agent
                .post(
                    "/agent/tickets/" + ref + "/send-article", Map.of("articleId", "scan-to-email"))
                .statusCode())
        .isEqualTo(303);
    assertThat(notices)
        .anyMatch(
            n ->
                n.startsWith("u-tom-hughes|comment|" + ref + "|")
                    && n.contains("(" + fx.baseUrl + "/kb/scan-to-email)"));

    agent.post(
        "/agent/tickets/" + ref + "/resolve",
        Map.of("resolution", "Replaced the scanner's feed roller", "articleId", ""));
    HttpResponse<String> resolved = agent.get("/agent/tickets/" + ref);
    assertThat(resolved.body()).contains("Resolved", "Replaced the scanner's feed roller");

    assertThat(notices)
        .contains(
            "u-tom-hughes|comment|" + ref + "|We are sending an engineer <today>",
            "u-tom-hughes|status|" + ref + "|resolved")
        .noneMatch(n -> n.contains("toner sensor"));
    // The requester sees the public reply, not the internal note.
    String comments = staff.api("GET", "/api/desk/tickets/" + ref + "/comments", null).body();
    assertThat(comments).contains("We are sending an engineer").doesNotContain("toner sensor");
  }

  @Test
  void anElsProjectReceivesAMatchingTicketWhichAppearsOnItsDashboardAndIsHandedOver()
      throws Exception {
    PortalClient staff = fx.client().signInAs("u-aisha-bello");
    String ref = raise(staff, "Finance systems", "FinanceOne purchase order will not submit");

    PortalClient els = fx.client().signInAs("u-rachel-green");
    HttpResponse<String> dash = els.get("/els/" + DemoData.ELS_PROJECT);
    assertThat(dash.statusCode()).isEqualTo(200);
    assertThat(dash.body())
        .contains("FinanceOne finance system", ref, "Calls per day", "<svg", "days left")
        .contains("Top categories", "Finance systems");
    assertThat(els.get("/agent/queues/els-financeone").body()).contains(ref);

    HttpResponse<String> noNote =
        els.post(
            "/els/" + DemoData.ELS_PROJECT + "/handover", Map.of("reference", ref, "note", ""));
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("Enter a handover note");

    HttpResponse<String> handed =
        els.post(
            "/els/" + DemoData.ELS_PROJECT + "/handover",
            Map.of("reference", ref, "note", "Needs a config change in the PO workflow"));
    assertThat(handed.statusCode()).isEqualTo(303);
    HttpResponse<String> after = els.get(location(handed));
    assertThat(after.body()).contains("The ticket was handed over", "Handed over");
    String handedList = after.body().substring(after.body().indexOf("id=\"handed-over\""));
    assertThat(handedList).contains(ref);
    // The project team (Oliver Brooks in the demo) is e-mailed the note and a link to the ticket.
    String mail = MailDrop.await(fx.dataDir, "oliver.brooks@", m -> m.contains(ref));
    assertThat(mail)
        .contains("Needs a config change in the PO workflow")
        .contains(fx.baseUrl + "/agent/tickets/" + ref);
    // The owner of the project may change the window; another agent may not.
    assertThat(
            els.post("/els/" + DemoData.ELS_PROJECT + "/extend", Map.of("end", "2099-01-01"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void anAdminChangesACapacityAndABankHolidayAndEveryChangeIsAudited() {
    PortalClient admin = fx.client().signInAs("u-mark-davies");
    for (String page :
        List.of(
            "/admin/catalogue",
            "/admin/els",
            "/admin/schools",
            "/admin/users",
            "/admin/calendar")) {
      assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
    }
    assertThat(admin.get("/admin/schools").body()).contains("St Mary", "Sarah Jones", "Gold");
    assertThat(admin.get("/admin/users").body()).contains("Gareth Lloyd", "agent");
    admin.get("/admin/groups");
    HttpResponse<String> bad =
        admin.post(
            "/admin/groups/network",
            Map.of("name", "Network (level 2)", "desk", "staff", "level", "2", "capacity", "lots"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("capacity must be a whole number");
    HttpResponse<String> ok =
        admin.post(
            "/admin/groups/network",
            Map.of("name", "Network (level 2)", "desk", "staff", "level", "2", "capacity", "2"));
    assertThat(ok.statusCode()).isEqualTo(303);
    admin.get("/admin/calendar");
    assertThat(admin.post("/admin/calendar/holidays", Map.of("date", "2026-12-29")).statusCode())
        .isEqualTo(303);
    assertThat(admin.get("/admin/calendar").body()).contains("2026-12-29");
    assertThat(admin.post("/admin/calendar/holidays", Map.of("date", "29/12")).statusCode())
        .isEqualTo(400);

    admin.get("/admin/schools/oakfield-academy");
    assertThat(
            admin
                .post(
                    "/admin/schools/oakfield-academy",
                    Map.of("tier", "Gold", "covered", "Schools ICT", "onsiteDays", "9"))
                .statusCode())
        .isEqualTo(303);
    assertThat(admin.get("/admin/schools").body()).contains("Oakfield Academy");
    admin.get("/admin/users/u-tom-hughes");
    assertThat(
            admin
                .post("/admin/users/u-tom-hughes", Map.of("roles", "SCHOOL_ADMIN", "groups", ""))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            admin
                .post("/admin/users/u-mark-davies", Map.of("roles", "STAFF", "groups", ""))
                .statusCode())
        .isEqualTo(403);

    admin.get("/admin/els/new");
    java.util.Map<String, String> project = new java.util.LinkedHashMap<>();
    project.put("id", "payroll");
    project.put("name", "New payroll");
    project.put("applications", "PayNow");
    project.put("keywords", "payslip, pay run");
    project.put("start", "2026-11-01");
    project.put("end", "2027-03-31");
    project.put("elsGroupId", "els-financeone");
    project.put("projectGroupId", "financeone-project");
    project.put("ownerId", "u-oliver-brooks");
    project.put("afterWindow", "stay");
    assertThat(admin.post("/admin/els", project).statusCode()).isEqualTo(303);
    assertThat(admin.get("/admin/els").body()).contains("New payroll", "PayNow", "pay run");
    project.put("end", "2026-10-01");
    HttpResponse<String> backwards = admin.post("/admin/els", project);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("The window must end after it starts");

    // A change through the JSON API is audited too (the desk's service records it, not the page).
    HttpResponse<String> viaApi =
        admin.api(
            "PUT",
            "/api/desk/config/groups/records-team",
            "{\"name\":\"Records (level 2)\",\"desk\":\"staff\",\"level\":2,\"capacity\":7}");
    assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(200);
    String audit = admin.get("/admin").body();
    assertThat(audit)
        .contains("records-team", "Records (level 2), desk staff, level 2, capacity 7");
    assertThat(audit)
        .contains("group.save", "network", "capacity 2", "calendar.save", "added [2026-12-29]")
        .contains("Mark Davies", "school.entitlement", "oakfield-academy", "on-site days 9")
        .contains("els.project.save", "payroll");
    // The queue list now warns about the small network queue once it holds tickets.
    PortalClient agent = fx.client().signInAs("u-sophie-turner");
    assertThat(agent.get("/agent/queues").body()).contains("Network (level 2)");
  }

  @Test
  void aLineManagerSeesTheRequestWaitingOnThemAndDecidesWithAComment() {
    PortalClient priya = fx.client().signInAs("u-priya-shah");
    HttpResponse<String> raised =
        priya.api(
            "POST",
            "/api/desk/requests",
            new JsonObject()
                .put("itemId", "shared-mailbox-access")
                .put(
                    "form",
                    new JsonObject()
                        .put("mailbox", "finance@northshire.gov.uk")
                        .put("access", "Read")
                        .put("reason", "Month-end reconciliations"))
                .encode());
    assertThat(raised.statusCode()).as(raised.body()).isIn(200, 201);
    String ref = new JsonObject(raised.body()).getJsonObject("ticket").getString("reference");

    // Someone else sees nothing waiting on them.
    assertThat(fx.client().signInAs("u-tom-hughes").get("/approvals").body())
        .contains("Nothing is waiting for your decision")
        .doesNotContain(ref);

    PortalClient manager = fx.client().signInAs("u-james-wilson");
    HttpResponse<String> list = manager.get("/approvals");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(ref, "Priya Shah", "finance@northshire.gov.uk");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("action=\"/approvals/([^\"]+)\"").matcher(list.body());
    assertThat(m.find()).isTrue();
    String id = m.group(1);

    HttpResponse<String> noReason =
        manager.post("/approvals/" + id, Map.of("decision", "reject", "comment", ""));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("There is a problem");
    // Tom is not an approver of this request.
    PortalClient tom = fx.client().signInAs("u-tom-hughes");
    tom.get("/approvals");
    assertThat(tom.post("/approvals/" + id, Map.of("decision", "approve")).statusCode())
        .isEqualTo(404);

    HttpResponse<String> approved =
        manager.post("/approvals/" + id, Map.of("decision", "approve", "comment", "Agreed"));
    assertThat(approved.statusCode()).isEqualTo(303);
    assertThat(manager.get(location(approved)).body())
        .contains("The request was approved")
        .doesNotContain(ref);
  }

  @Test
  void theTicketPageShowsTheSchoolsEntitlementAndEscapesWhatTheRequesterTyped() {
    PortalClient school = fx.client().signInAs("u-karen-white");
    String ref = raise(school, "Schools ICT", "<script>alert(1)</script> office PC will not boot");

    PortalClient agent = fx.client().signInAs("u-megan-price");
    String queue = agent.get("/agent/queues/schools-desk").body();
    assertThat(queue).contains(ref, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(queue).doesNotContain("<script>alert(1)</script>");
    String page = agent.get("/agent/tickets/" + ref).body();
    assertThat(page)
        .contains("Karen White", "St Mary", "Subscription", "Gold", "Covered services")
        .contains("On-site days left")
        .doesNotContain("<script>alert(1)</script>");
  }
}
