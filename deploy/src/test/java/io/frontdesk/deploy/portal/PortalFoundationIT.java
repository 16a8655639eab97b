package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.portal.auth.Passwords;
import io.frontdesk.portal.auth.SessionRepository;
import io.frontdesk.portal.auth.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout, assets, sessions, CSRF, sign-in and the principal reaching the desk API. */
class PortalFoundationIT {
  static PortalFixture fx;

  @BeforeAll
  static void start() {
    fx = new PortalFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void homePageHasStrictSecurityHeadersAndFingerprintedCachedAssets() {
    PortalClient c = fx.client();
    HttpResponse<String> home = c.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("How can we help?", "Northshire County Council");
    String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
    assertThat(csp).doesNotContain("unsafe-inline");
    assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(home.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(home.body()).doesNotContain("<script>").doesNotContain("style=");

    Matcher css =
        Pattern.compile("href=\"(/assets/govuk\\.[0-9a-f]{10}\\.css)\"").matcher(home.body());
    assertThat(css.find()).isTrue();
    HttpResponse<String> asset = c.get(css.group(1));
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(asset.body()).contains(".govuk-header").doesNotContain("GDS Transport");
    assertThat(c.get("/assets/govuk.0000000000.css").statusCode()).isEqualTo(404);
  }

  @Test
  void demoSignInPutsThePrincipalOnTheDeskApiAndSignOutEndsIt() {
    PortalClient c = fx.client();
    assertThat(c.api("GET", "/api/desk/tickets", null).statusCode()).isEqualTo(401);
    c.get("/sign-in/demo");
    String anonymous = c.sessionCookie().orElseThrow();
    c.signInAs(Role.STAFF);
    String signedIn = c.sessionCookie().orElseThrow();
    assertThat(signedIn).as("session id rotated at sign-in").isNotEqualTo(anonymous);
    assertThat(c.get("/").body()).contains("Signed in as Priya Shah");
    assertThat(c.api("GET", "/api/desk/tickets", null).statusCode()).isEqualTo(200);

    // The store keeps only a hash of the session id.
    Document stored =
        fx.server
            .context()
            .store()
            .database()
            .getCollection(SessionRepository.COLLECTION)
            .find(Filters.eq("_id", Tokens.hash(signedIn)))
            .first();
    assertThat(stored).isNotNull();
    assertThat(stored.toJson()).doesNotContain(signedIn);

    c.get("/");
    assertThat(c.post("/sign-out", Map.of()).statusCode()).isEqualTo(303);
    assertThat(c.get("/").body()).doesNotContain("Signed in as");
    assertThat(c.api("GET", "/api/desk/tickets", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    PortalClient c = fx.client().signInAs(Role.STAFF);
    HttpResponse<String> r = c.postRaw("/sign-out", Map.of());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("This form has expired");
    assertThat(c.postRaw("/sign-out", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(c.get("/").body()).contains("Signed in as");
  }

  @Test
  void anApiWriteFromAnotherOriginDoesNotCarryTheSession() {
    PortalClient c = fx.client().signInAs(Role.STAFF);
    HttpResponse<String> r =
        c.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fx.baseUrl + "/api/desk/tickets"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"incident\",\"service\":\"Printing\",\"title\":\"x\"}")));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  /** A request with the client's session cookie but without the CSRF token header. */
  static HttpResponse<String> withoutToken(
      PortalClient c, String method, String path, String body, String type) {
    return c.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.baseUrl + path))
            .header("Content-Type", type)
            .method(
                method,
                body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  static long ticketsTitled(String title) {
    return fx.server
        .context()
        .store()
        .database()
        .getCollection(TicketRepository.TICKETS)
        .countDocuments(Filters.eq("title", title));
  }

  @Test
  void aCrossSiteFormPostWithTheSessionCookieCannotWriteThroughTheApi() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    // What <form enctype="text/plain"> on another site can send: valid JSON, the cookie, and
    // (from an older browser) neither Origin nor Sec-Fetch-Site.
    String forged =
        "{\"type\":\"incident\",\"service\":\"Printing\",\"title\":\"Forged elsewhere\","
            + "\"pad\":\"=\"}";
    HttpResponse<String> r = withoutToken(staff, "POST", "/api/desk/tickets", forged, "text/plain");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    HttpResponse<String> form =
        withoutToken(
            staff,
            "POST",
            "/api/desk/tickets",
            "type=incident&service=Printing&title=Forged+elsewhere",
            "application/x-www-form-urlencoded");
    assertThat(form.statusCode()).isIn(400, 401);
    assertThat(ticketsTitled("Forged elsewhere")).isZero();

    // The portal's own call carries the token and works; from another origin it still does not.
    String own = forged.replace("Forged elsewhere", "Raised with the token");
    assertThat(staff.api("POST", "/api/desk/tickets", own).statusCode()).isEqualTo(201);
    assertThat(ticketsTitled("Raised with the token")).isEqualTo(1);
    HttpResponse<String> crossSite =
        staff.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fx.baseUrl + "/api/desk/tickets"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", staff.csrf())
                .header("Sec-Fetch-Site", "cross-site")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        own.replace("with the token", "cross-site"))));
    assertThat(crossSite.statusCode()).isEqualTo(401);
  }

  @Test
  void everyKindOfApiWriteNeedsTheTokenBesideTheCookie() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    PortalClient champion = fx.client().signInAs(Role.CHAMPION);
    List<Object[]> writes =
        List.of(
            new Object[] {staff, "POST", "/api/fulfilment/start", "{\"kind\":\"unlock\"}"},
            new Object[] {
              champion,
              "POST",
              "/api/kb/drafts",
              "{\"id\":\"csrf-check\",\"title\":\"CSRF check\",\"body\":\"Steps.\","
                  + "\"tags\":[],\"service\":\"Printing\",\"audience\":\"staff\"}"
            },
            new Object[] {
              champion, "PUT", "/api/kb/synonyms/csrf-check", "{\"phrases\":[\"mfd\",\"printer\"]}"
            },
            new Object[] {champion, "DELETE", "/api/kb/synonyms/csrf-check", null});
    for (Object[] w : writes) {
      PortalClient c = (PortalClient) w[0];
      String method = (String) w[1];
      String path = (String) w[2];
      String json = (String) w[3];
      assertThat(withoutToken(c, method, path, json, "application/json").statusCode())
          .as(method + " " + path + " without the token")
          .isEqualTo(401);
      HttpResponse<String> ok = c.api(method, path, json);
      assertThat(ok.statusCode()).as(method + " " + path + ": " + ok.body()).isBetween(200, 299);
    }
  }

  @Test
  void schoolUserSignsInWithAnArgon2idPasswordAndAWrongOneGetsAGenericMessage() throws Exception {
    String userId = PortalFixture.demoUser(Role.SCHOOL_CONTACT);
    var users = fx.server.context().store().database().getCollection("desk_users");
    String email = users.find(Filters.eq("_id", userId)).first().getString("email");
    String hash = new Passwords().hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$");
    users.updateOne(
        Filters.eq("_id", userId), new Document("$set", new Document("passwordHash", hash)));

    PortalClient c = fx.client();
    c.get("/sign-in");
    HttpResponse<String> wrong =
        c.post("/sign-in", Map.of("email", email, "password", "wrong password here"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("There is a problem", "Error: Sign in");
    HttpResponse<String> unknown =
        c.post("/sign-in", Map.of("email", "nobody@example.sch.uk", "password", "whatever123456"));
    assertThat(errorSummary(unknown.body())).isEqualTo(errorSummary(wrong.body()));

    HttpResponse<String> ok =
        c.post(
            "/sign-in",
            Map.of("email", email, "password", "correct horse battery staple", "next", "/status"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).contains("/status");
    assertThat(c.get("/status").statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedFailuresAreRateLimited() {
    PortalClient c = fx.client();
    c.get("/sign-in");
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last =
          c.post("/sign-in", Map.of("email", "x@limit.sch.uk", "password", "nope-" + i))
              .statusCode();
    }
    assertThat(last).isEqualTo(429);
  }

  @Test
  void pagesNeedingSignInRedirectThereAndUnknownPagesAre404() {
    PortalClient c = fx.client();
    HttpResponse<String> r = c.get("/status");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/sign-in?next=%2Fstatus");
    HttpResponse<String> missing = c.get("/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
  }

  private static String errorSummary(String html) {
    int i = html.indexOf("govuk-error-summary__list");
    return html.substring(i, html.indexOf("</ul>", i));
  }
}
