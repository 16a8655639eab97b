package io.frontdesk.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import io.frontdesk.desk.DemoData;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The desk's browser journeys in headless Chromium, with axe-core on every desk template: an agent
 * works a ticket from the queue to resolved and the requester is notified; an Early Life Support
 * project receives a matching ticket, which appears on its dashboard and is handed over.
 */
class OpsBrowserIT {
  static PortalFixture fx;
  static OpsBrowser browser;
  static List<String> notices;
  @TempDir static Path browserTmp;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(OpsBrowser.available(), "chromium and chromedriver are not installed");
    fx = new PortalFixture();
    notices = Notices.recordOn(fx);
    browser = new OpsBrowser(fx.baseUrl, browserTmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (fx != null) {
      fx.close();
    }
  }

  @BeforeEach
  void signOut() {
    browser.open("/");
    browser.driver.manage().deleteAllCookies();
  }

  @Test
  void anAgentWorksATicketFromTheQueueToResolvedAndTheRequesterIsNotified() {
    PortalClient requester = fx.client().signInAs("u-tom-hughes");
    String ref =
        OpsDeskIT.raise(requester, "Email and calendar", "Outlook keeps asking for my password");

    browser.signInAs("u-gareth-lloyd");
    browser.click(By.linkText("Desk"));
    browser.waitFor(d -> browser.path().equals("/agent/queues"));
    assertThat(browser.page()).contains("Resolver groups and their open load");
    browser.assertAccessible();

    browser.click(By.linkText("Service Desk (level 1)"));
    browser.waitFor(d -> browser.page().contains(ref));
    browser.assertAccessible();
    new Select(browser.find(By.id("sort"))).selectByValue("created");
    browser.click(By.xpath("//button[normalize-space()='Apply filters']"));
    browser.waitFor(d -> browser.driver.getCurrentUrl().contains("sort=created"));

    browser.click(By.linkText(ref));
    browser.waitFor(d -> browser.path().equals("/agent/tickets/" + ref));
    assertThat(browser.page()).contains("Tom Hughes", "Timeline", "Suggested articles");
    browser.assertAccessible();

    new Select(browser.find(By.id("assigneeId"))).selectByValue("u-gareth-lloyd");
    browser.click(By.xpath("//button[normalize-space()='Assign']"));
    browser.waitFor(d -> browser.page().contains("The ticket was assigned."));

    browser.type(By.id("text"), "I have reset your Outlook profile; sign in again please");
    browser.click(By.xpath("//button[normalize-space()='Add comment']"));
    browser.waitFor(d -> browser.page().contains("Your comment was added."));

    browser.type(By.id("resolution"), "Rebuilt the Outlook profile");
    browser.click(By.xpath("//button[normalize-space()='Resolve ticket']"));
    browser.waitFor(d -> browser.page().contains("The ticket was resolved"));
    assertThat(browser.page()).contains("Rebuilt the Outlook profile");
    browser.assertAccessible();

    assertThat(notices)
        .contains(
            "u-tom-hughes|comment|"
                + ref
                + "|I have reset your Outlook profile; sign in again please",
            "u-tom-hughes|status|" + ref + "|resolved");
  }

  @Test
  void anElsProjectReceivesAMatchingTicketWhichAppearsOnItsDashboardAndIsHandedOver() {
    PortalClient requester = fx.client().signInAs("u-aisha-bello");
    String ref =
        OpsDeskIT.raise(requester, "Finance systems", "FinanceOne invoice approval is stuck");

    browser.signInAs("u-rachel-green");
    browser.open("/els");
    browser.assertAccessible();
    browser.click(By.linkText("FinanceOne finance system"));
    browser.waitFor(d -> browser.path().equals("/els/" + DemoData.ELS_PROJECT));
    assertThat(browser.find(By.id("calls")).getText()).contains(ref);
    assertThat(browser.page()).contains("<svg", "Calls per day", "Recurring phrases");
    browser.assertAccessible();

    new Select(browser.find(By.id("reference"))).selectByValue(ref);
    browser.type(By.id("note"), "Approval workflow needs the project's config fix");
    browser.click(By.xpath("//button[normalize-space()='Hand over']"));
    browser.waitFor(d -> browser.page().contains("The ticket was handed over"));
    assertThat(browser.find(By.id("handed-over")).getText()).contains(ref);
    browser.assertAccessible();
  }

  @Test
  void everyAdminAndApprovalsTemplateHasNoSeriousAccessibilityViolations() {
    browser.signInAs("u-mark-davies");
    for (String page :
        List.of(
            "/admin",
            "/admin/groups",
            "/admin/calendar",
            "/admin/catalogue",
            "/admin/els",
            "/admin/schools",
            "/admin/users",
            "/admin/schools/st-marys-primary",
            "/admin/users/u-tom-hughes",
            "/admin/els/financeone",
            "/admin/catalogue/new",
            "/admin/catalogue/shared-mailbox-access",
            "/admin/users/new",
            "/admin/schools/new",
            "/approvals")) {
      browser.open(page);
      assertThat(browser.page()).as(page).doesNotContain("Page not found");
      browser.assertAccessible();
    }
    // A form error is announced and linked from the error summary.
    browser.open("/admin/calendar");
    browser.click(By.xpath("//button[normalize-space()='Add bank holiday']"));
    browser.waitFor(d -> browser.page().contains("There is a problem"));
    browser.assertAccessible();
    // The catalogue form with errors on several fields (no resolver group, an unreadable line).
    browser.open("/admin/catalogue/new");
    browser.click(By.xpath("//button[normalize-space()='Save item']"));
    browser.waitFor(d -> browser.page().contains("There is a problem"));
    assertThat(browser.page()).contains("Choose the resolver group that fulfils it");
    browser.assertAccessible();
  }

  @Test
  void theApprovalsPageWithARequestWaitingIsAccessible() {
    HttpResponse<String> raised =
        fx.client()
            .signInAs("u-priya-shah")
            .api(
                "POST",
                "/api/desk/requests",
                new JsonObject()
                    .put("itemId", "shared-mailbox-access")
                    .put(
                        "form",
                        new JsonObject()
                            .put("mailbox", "payroll@northshire.gov.uk")
                            .put("access", "Read")
                            .put("reason", "Cover for a colleague"))
                    .encode());
    assertThat(raised.statusCode()).as(raised.body()).isIn(200, 201);
    String ref = new JsonObject(raised.body()).getJsonObject("ticket").getString("reference");
    browser.signInAs("u-james-wilson");
    browser.open("/approvals");
    assertThat(browser.page()).contains(ref, "Priya Shah", "payroll@northshire.gov.uk");
    browser.assertAccessible();
    // Rejecting without a comment: the error summary, on the page with the request.
    browser.click(By.xpath("(//button[starts-with(normalize-space(),'Reject')])[1]"));
    browser.waitFor(d -> browser.page().contains("There is a problem"));
    browser.assertAccessible();
  }
}
