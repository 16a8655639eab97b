package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.people.User;
import io.frontdesk.portal.PortalConfig;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff sign-in through OpenID Connect against a local provider (mock-oauth2-server). */
class PortalOidcIT {
  static MockOAuth2Server idp;
  static PortalFixture fx;

  @BeforeAll
  static void start() {
    idp = new MockOAuth2Server();
    idp.start();
    fx =
        new PortalFixture(
            Map.of(
                PortalConfig.OIDC_ISSUER, idp.issuerUrl("entra").toString(),
                PortalConfig.OIDC_CLIENT_ID, "frontdesk",
                PortalConfig.OIDC_CLIENT_SECRET, "not-a-real-secret",
                PortalConfig.OIDC_TENANT_ID, "northshire-tenant"));
  }

  @AfterAll
  static void stop() {
    fx.close();
    idp.shutdown();
  }

  static void nextToken(Map<String, Object> claims) {
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "entra", "subject", "JWT", List.of("frontdesk"), claims, 3600));
  }

  /** Follows the redirects through the provider; returns the portal's final answer. */
  static HttpResponse<String> signIn(PortalClient c, String next) {
    HttpResponse<String> start = c.get("/sign-in/staff?next=" + next);
    assertThat(start.statusCode()).isEqualTo(303);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize)
        .startsWith(idp.issuerUrl("entra").toString())
        .contains("code_challenge=", "nonce=");
    HttpResponse<String> atIdp = c.getAbsolute(authorize);
    assertThat(atIdp.statusCode()).isBetween(300, 399);
    String callback = atIdp.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(fx.baseUrl + "/auth/callback");
    return c.getAbsolute(callback);
  }

  @Test
  void aKnownStaffMemberSignsInByObjectIdAndReturnsWhereTheyWere() {
    User priya =
        DemoData.users().stream()
            .filter(u -> u.id().equals("u-priya-shah"))
            .findFirst()
            .orElseThrow();
    nextToken(
        Map.of(
            "oid",
            priya.aadObjectId(),
            "tid",
            "northshire-tenant",
            "preferred_username",
            priya.upn(),
            "name",
            "Priya Shah"));
    PortalClient c = fx.client();
    assertThat(c.get("/sign-in").body()).contains("Sign in with your council account");
    HttpResponse<String> done = signIn(c, "/tickets");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/tickets");
    assertThat(c.get("/").body()).contains("Signed in as Priya Shah");
  }

  @Test
  void aNewStaffMemberIsCreatedAsStaffOnly() {
    nextToken(
        Map.of(
            "oid", "11111111-2222-3333-4444-555555555555",
            "tid", "northshire-tenant",
            "preferred_username", "new.starter@northshire.gov.uk",
            "name", "New Starter"));
    PortalClient c = fx.client();
    assertThat(signIn(c, "/").statusCode()).isEqualTo(303);
    assertThat(c.get("/").body()).contains("Signed in as New Starter");
    assertThat(c.get("/school").statusCode()).isEqualTo(403);
  }

  @Test
  void anotherTenantOrAForgedStateIsRefused() {
    nextToken(
        Map.of(
            "oid",
            "99999999-0000-0000-0000-000000000000",
            "tid",
            "someone-else",
            "name",
            "Intruder"));
    PortalClient c = fx.client();
    HttpResponse<String> other = signIn(c, "/");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(c.get("/").body()).doesNotContain("Signed in as");

    PortalClient d = fx.client();
    HttpResponse<String> forged = d.get("/auth/callback?code=abc&state=" + "x".repeat(43));
    assertThat(forged.statusCode()).isEqualTo(400);
  }
}
