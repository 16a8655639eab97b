package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.frontdesk.core.security.Role;
import io.frontdesk.portal.PortalConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Schools that sign in with their own OpenID Connect provider (two schools, two issuers on one
 * mock-oauth2-server): the provider is chosen by picker or by e-mail domain, the flow has the same
 * PKCE, state and nonce as staff sign-in, a school's provider can only sign people in to that
 * school, and the client secrets never reach the store or the log.
 */
class PortalSchoolOidcIT {
  static final String OAKFIELD_SECRET = "oakfield-" + UUID.randomUUID();
  static final String HILLCREST_SECRET = "hillcrest-" + UUID.randomUUID();
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  static Level rootLevel;
  static MockOAuth2Server idp;
  static PortalFixture fx;
  @TempDir static Path secrets;

  @BeforeAll
  static void start() throws Exception {
    rootLevel = ROOT.getLevel();
    ROOT.setLevel(Level.DEBUG);
    LOGS.start();
    ROOT.addAppender(LOGS);
    idp = new MockOAuth2Server();
    idp.start();
    Path secretFile = secrets.resolve("hillcrest-oidc.secret");
    Files.writeString(secretFile, HILLCREST_SECRET + "\n");
    String oak = PortalConfig.SchoolOidc.prefix("oakfield-academy");
    String hill = PortalConfig.SchoolOidc.prefix("hillcrest-high");
    Map<String, String> env = new HashMap<>();
    env.put(PortalConfig.SCHOOL_OIDC, "oakfield-academy, hillcrest-high");
    env.put(oak + "ISSUER", idp.issuerUrl("oakfield").toString());
    env.put(oak + "CLIENT_ID", "frontdesk-oakfield");
    env.put(oak + "CLIENT_SECRET", OAKFIELD_SECRET);
    env.put(oak + "DOMAINS", "oakfield.northshire.sch.uk");
    env.put(hill + "ISSUER", idp.issuerUrl("hillcrest").toString());
    env.put(hill + "CLIENT_ID", "frontdesk-hillcrest");
    env.put(hill + "CLIENT_SECRET_FILE", secretFile.toString());
    env.put(hill + "DOMAINS", "Hillcrest.Northshire.sch.uk");
    fx = new PortalFixture(env);
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
    idp.shutdown();
    ROOT.detachAppender(LOGS);
    ROOT.setLevel(rootLevel);
  }

  static void nextToken(String issuer, String audience, Map<String, Object> claims) {
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            issuer, "subject-" + UUID.randomUUID(), "JWT", List.of(audience), claims, 3600));
  }

  /** Starts at the portal, follows the provider's redirect, returns the callback's answer. */
  static HttpResponse<String> signIn(PortalClient c, String start, String issuer) {
    HttpResponse<String> begin = c.get(start);
    assertThat(begin.statusCode()).as(begin.body()).isEqualTo(303);
    String authorize = begin.headers().firstValue("Location").orElseThrow();
    assertThat(authorize)
        .startsWith(idp.issuerUrl(issuer).toString())
        .contains("code_challenge=", "code_challenge_method=S256", "nonce=", "state=");
    HttpResponse<String> atIdp = c.getAbsolute(authorize);
    assertThat(atIdp.statusCode()).isBetween(300, 399);
    String callback = atIdp.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(fx.baseUrl + "/auth/callback");
    return c.getAbsolute(callback);
  }

  @Test
  void theSignInPageOffersThePickerAndTheEmailDomainChoosesTheProvider() {
    PortalClient c = fx.client();
    String page = c.get("/sign-in").body();
    assertThat(PortalRequesterIT.links(page, "school-picker"))
        .containsExactly(
            "/sign-in/school?school=hillcrest-high&amp;next=%2F",
            "/sign-in/school?school=oakfield-academy&amp;next=%2F");
    assertThat(page).contains("Your school email address");

    HttpResponse<String> byDomain =
        c.get("/sign-in/school?email=JHall%40oakfield.northshire.sch.uk");
    assertThat(byDomain.statusCode()).isEqualTo(303);
    assertThat(byDomain.headers().firstValue("Location").orElseThrow())
        .startsWith(idp.issuerUrl("oakfield").toString())
        .contains("client_id=frontdesk-oakfield");
    HttpResponse<String> byPicker = c.get("/sign-in/school?school=hillcrest-high");
    assertThat(byPicker.headers().firstValue("Location").orElseThrow())
        .startsWith(idp.issuerUrl("hillcrest").toString());

    HttpResponse<String> otherSchool =
        c.get("/sign-in/school?email=kwhite%40stmarys.northshire.sch.uk");
    assertThat(otherSchool.statusCode()).isEqualTo(400);
    assertThat(otherSchool.body())
        .contains("There is a problem", "href=\"#school-email\"", "does not sign in with its own");
    assertThat(c.get("/sign-in/school?school=st-marys-primary").statusCode()).isEqualTo(400);
    assertThat(c.get("/sign-in/school?email=").body()).contains("Enter your school email address");
  }

  @Test
  void aSchoolUserSignedInByTheirSchoolsProviderSeesOnlyTheirSchool() {
    PortalClient karen = fx.client().signInAs("u-karen-white");
    String stMarys = PortalRequesterIT.raise(karen, "St Mary's office printer jammed");

    nextToken(
        "oakfield",
        "frontdesk-oakfield",
        Map.of("email", "jhall@oakfield.northshire.sch.uk", "name", "Julie Hall"));
    PortalClient julie = fx.client();
    HttpResponse<String> done =
        signIn(julie, "/sign-in/school?school=oakfield-academy&next=%2Ftickets", "oakfield");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/tickets");
    assertThat(julie.get("/").body()).contains("Signed in as Julie Hall");
    assertThat(julie.get("/school").body())
        .contains("Oakfield Academy")
        .doesNotContain("St Mary&#39;s CE Primary School");
    assertThat(julie.get("/tickets").body()).doesNotContain(stMarys);
    assertThat(julie.get("/tickets/" + stMarys).statusCode()).isEqualTo(404);
    assertThat(julie.api("GET", "/api/desk/tickets/" + stMarys, null).statusCode()).isIn(403, 404);
    String own = PortalRequesterIT.raise(julie, "Oakfield reception PC is slow");
    assertThat(julie.get("/tickets").body()).contains(own);
    assertThat(karen.get("/tickets/" + own).statusCode()).isEqualTo(404);
  }

  @Test
  void aFirstSignInInTheSchoolsDomainCreatesAContactAtThatSchoolOnly() {
    nextToken(
        "hillcrest",
        "frontdesk-hillcrest",
        Map.of("email", "new.teacher@hillcrest.northshire.sch.uk", "name", "New Teacher"));
    PortalClient c = fx.client();
    HttpResponse<String> done =
        signIn(c, "/sign-in/school?email=new.teacher%40hillcrest.northshire.sch.uk", "hillcrest");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(c.get("/school").body()).contains("Hillcrest High School");
    Document stored =
        db().getCollection("desk_users")
            .find(Filters.eq("email", "new.teacher@hillcrest.northshire.sch.uk"))
            .first();
    assertThat(stored.getString("schoolId")).isEqualTo("hillcrest-high");
    assertThat(stored.getList("roles", String.class)).containsExactly(Role.SCHOOL_CONTACT.name());
    assertThat(stored.get("passwordHash")).isNull();
  }

  @Test
  void aSchoolsProviderCannotSignInAnotherSchoolsUserStaffOrAnUnverifiedAddress() {
    // Oakfield's provider vouching for a Hillcrest address, a council address, an address of its
    // own domain that is not verified, and a Hillcrest user's address spelled in Oakfield's domain.
    List<Map<String, Object>> refused =
        List.of(
            Map.of("email", "dthomas@hillcrest.northshire.sch.uk", "name", "David Thomas"),
            Map.of("email", "priya.shah@northshire.gov.uk", "name", "Priya Shah"),
            Map.of("email", "someone@oakfield.northshire.sch.uk", "email_verified", false),
            Map.of("name", "No Address"));
    for (Map<String, Object> claims : refused) {
      nextToken("oakfield", "frontdesk-oakfield", claims);
      PortalClient c = fx.client();
      HttpResponse<String> r = signIn(c, "/sign-in/school?school=oakfield-academy", "oakfield");
      assertThat(r.statusCode()).as(claims.toString()).isEqualTo(403);
      assertThat(c.get("/").body()).doesNotContain("Signed in as");
    }
    // The unverified address was not made an account.
    assertThat(
            db().getCollection("desk_users")
                .countDocuments(Filters.eq("email", "someone@oakfield.northshire.sch.uk")))
        .isZero();

    // A state this browser was not given is refused before any provider is asked.
    PortalClient d = fx.client();
    d.get("/sign-in/school?school=oakfield-academy");
    HttpResponse<String> forged = d.get("/auth/callback?code=abc&state=" + "x".repeat(43));
    assertThat(forged.statusCode()).isEqualTo(400);
  }

  @Test
  void theClientSecretsAreNeitherStoredNorLogged() {
    nextToken(
        "oakfield",
        "frontdesk-oakfield",
        Map.of("email", "proberts@oakfield.northshire.sch.uk", "name", "Paul Roberts"));
    PortalClient c = fx.client();
    assertThat(signIn(c, "/sign-in/school?school=oakfield-academy", "oakfield").statusCode())
        .isEqualTo(303);
    MongoDatabase db = db();
    for (String name : db.listCollectionNames()) {
      for (Document d : db.getCollection(name).find()) {
        String json = d.toJson();
        assertThat(json).as(name).doesNotContain(OAKFIELD_SECRET).doesNotContain(HILLCREST_SECRET);
      }
    }
    assertThat(LOGS.list).isNotEmpty();
    for (ILoggingEvent e : LOGS.list) {
      assertThat(e.getFormattedMessage())
          .doesNotContain(OAKFIELD_SECRET)
          .doesNotContain(HILLCREST_SECRET);
    }
  }

  static MongoDatabase db() {
    return fx.server.context().store().database();
  }
}
