package io.frontdesk.deploy.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.deploy.portal.PortalClient;
import io.frontdesk.deploy.portal.PortalFixture;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's self-service pages (/account/password) through the whole demo server: a signed-in
 * member of staff unlocks their account and resets their password with the code from the mail drop,
 * sees the temporary password once on a page that is never cached, and bad input gets the form
 * again with a message.
 */
class PortalSelfServiceIT {
  private static final Pattern FLOW = Pattern.compile("name=\"flowId\" value=\"([^\"]+)\"");
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
  void aLockedOutMemberOfStaffUnlocksTheirAccountWithTheCode() throws Exception {
    PortalClient tom = server.client().signInAs("u-tom-hughes");
    HttpResponse<String> form = tom.get("/account/password");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(form.body()).contains("What do you need?");

    HttpResponse<String> sent = tom.post("/account/password/start", Map.of("kind", "unlock"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).contains("Enter your code", "We have sent a 6-digit code to");

    HttpResponse<String> done =
        tom.post(
            "/account/password/verify",
            Map.of("flowId", flowId(sent), "code", codeFor("tom.hughes")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("Done").doesNotContain("temporary-password");
  }

  @Test
  void aResetShowsTheTemporaryPasswordOnceAndBadInputGetsTheFormAgain() throws Exception {
    PortalClient priya = server.client().signInAs("u-priya-shah");
    priya.get("/account/password");
    HttpResponse<String> noChoice = priya.post("/account/password/start", Map.of());
    assertThat(noChoice.statusCode()).isEqualTo(400);
    assertThat(noChoice.body()).contains("There is a problem", "Choose what you need");

    HttpResponse<String> sent = priya.post("/account/password/start", Map.of("kind", "reset"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String flow = flowId(sent);
    HttpResponse<String> shortCode =
        priya.post("/account/password/verify", Map.of("flowId", flow, "code", "12"));
    assertThat(shortCode.statusCode()).isEqualTo(400);
    assertThat(shortCode.body()).contains("Enter the 6-digit code we sent you");

    HttpResponse<String> done =
        priya.post(
            "/account/password/verify", Map.of("flowId", flow, "code", codeFor("priya.shah")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.headers().firstValue("Cache-Control")).contains("no-store");
    Matcher shown = Pattern.compile("id=\"temporary-password\">([^<]+)<").matcher(done.body());
    assertThat(shown.find()).as(done.body()).isTrue();
    assertThat(shown.group(1)).hasSizeGreaterThanOrEqualTo(14);

    // The flow is finished: the same code again is refused, and the password is not shown again.
    HttpResponse<String> again =
        priya.post(
            "/account/password/verify", Map.of("flowId", flow, "code", codeFor("priya.shah")));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("We could not do that").doesNotContain(shown.group(1));
  }

  @Test
  void signedOutVisitorsAreSentToSignIn() {
    HttpResponse<String> r = server.client().get("/account/password");
    assertThat(r.statusCode()).isIn(302, 303);
  }

  private static String flowId(HttpResponse<String> page) {
    Matcher m = FLOW.matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  /** The code in the newest mail-drop message to the person. */
  private static String codeFor(String who) {
    return server.mailDropCode(who);
  }
}
