package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forgotten passwords and invitations for school accounts: the same answer for known and unknown
 * addresses, single-use links whose token the store never holds, the password policy, and sessions
 * ended by a reset. Mail goes to the demo mail drop, read here as the recipient would.
 */
class PortalAccountsIT {
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
  void forgottenPasswordLinkWorksOnceAndTheAnswerNeverSaysWhoHasAnAccount() throws Exception {
    PortalClient anon = fx.client();
    anon.get("/forgot-password");
    HttpResponse<String> known =
        anon.post("/forgot-password", Map.of("email", "kwhite@stmarys.northshire.sch.uk"));
    HttpResponse<String> unknown =
        anon.post("/forgot-password", Map.of("email", "nobody@stmarys.northshire.sch.uk"));
    assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
    assertThat(strip(known.body(), "kwhite@stmarys.northshire.sch.uk"))
        .isEqualTo(strip(unknown.body(), "nobody@stmarys.northshire.sch.uk"));

    String link = awaitLink("kwhite@stmarys.northshire.sch.uk", "/reset-password?token=");
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(dump(fx.server.context().store().database())).doesNotContain(token);
    assertThat(noMailFor("nobody@stmarys.northshire.sch.uk")).isTrue();

    PortalClient karen = fx.client();
    String path = link.substring(fx.baseUrl.length());
    HttpResponse<String> form = karen.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    HttpResponse<String> weak =
        karen.post(
            "/reset-password", Map.of("token", token, "password", "short", "confirm", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("href=\"#password\"", "12 characters or more");
    HttpResponse<String> mismatch =
        karen.post(
            "/reset-password",
            Map.of(
                "token",
                token,
                "password",
                "plum otter cactus lamp",
                "confirm",
                "plum otter cactus lam"));
    assertThat(mismatch.body()).contains("href=\"#confirm\"");
    HttpResponse<String> ok =
        karen.post(
            "/reset-password",
            Map.of(
                "token",
                token,
                "password",
                "plum otter cactus lamp",
                "confirm",
                "plum otter cactus lamp"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(karen.get(path).statusCode()).as("single use").isEqualTo(400);
    assertThat(
            karen
                .post(
                    "/reset-password",
                    Map.of(
                        "token",
                        token,
                        "password",
                        "another good passphrase",
                        "confirm",
                        "another good passphrase"))
                .statusCode())
        .isEqualTo(400);
    assertThat(karen.get("/reset-password?token=" + "A".repeat(43)).statusCode()).isEqualTo(400);

    karen.get("/sign-in");
    HttpResponse<String> signIn =
        karen.post(
            "/sign-in",
            Map.of(
                "email", "KWhite@stmarys.northshire.sch.uk", "password", "plum otter cactus lamp"));
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(karen.get("/").body()).contains("Signed in as Karen White");
  }

  @Test
  void aSchoolAdminInvitesAContactWhoSetsAPasswordAndSignsIn() throws Exception {
    PortalClient sarah = fx.client().signInAs("u-sarah-jones");
    HttpResponse<String> page = sarah.get("/school");
    assertThat(page.body()).contains("St Mary", "On-site engineer days", "Invite someone");
    HttpResponse<String> bad =
        sarah.post("/school/invite", Map.of("name", "", "email", "nope", "role", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("href=\"#name\"", "href=\"#email\"", "href=\"#role\"");
    HttpResponse<String> sent =
        sarah.post(
            "/school/invite",
            Map.of(
                "name",
                "Tom Baker",
                "email",
                "tbaker@stmarys.northshire.sch.uk",
                "role",
                "contact"));
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sarah.get("/school").body()).contains("Tom Baker", "Invited");

    String link = awaitLink("tbaker@stmarys.northshire.sch.uk", "/accept-invitation?token=");
    String token = link.substring(link.indexOf("token=") + 6);
    PortalClient tom = fx.client();
    assertThat(tom.get(link.substring(fx.baseUrl.length())).body())
        .contains("Create your password");
    assertThat(
            tom.post(
                    "/accept-invitation",
                    Map.of(
                        "token",
                        token,
                        "password",
                        "violet harbour tin drum",
                        "confirm",
                        "violet harbour tin drum"))
                .statusCode())
        .isEqualTo(303);
    tom.get("/sign-in");
    assertThat(
            tom.post(
                    "/sign-in",
                    Map.of(
                        "email",
                        "tbaker@stmarys.northshire.sch.uk",
                        "password",
                        "violet harbour tin drum"))
                .statusCode())
        .isEqualTo(303);
    HttpResponse<String> school = tom.get("/school");
    assertThat(school.body()).contains("St Mary").doesNotContain("Invite someone");
    tom.get("/school");
    assertThat(
            tom.post("/school/invite", Map.of("name", "X", "email", "x@y.sch.uk", "role", "admin"))
                .statusCode())
        .isEqualTo(403);

    PortalClient paul = fx.client().signInAs("u-paul-roberts");
    assertThat(paul.get("/school").body()).contains("Oakfield").doesNotContain("Tom Baker");
  }

  @Test
  void staffHaveNoSchoolPage() {
    PortalClient staff = fx.client().signInAs("u-priya-shah");
    assertThat(staff.get("/school").statusCode()).isEqualTo(403);
  }

  static String strip(String html, String email) {
    return html.replace(email, "EMAIL")
        .replaceAll("name=\"csrf\" value=\"[^\"]+\"", "")
        .replaceAll("<title>[^<]*</title>", "");
  }

  static Path maildrop() {
    return fx.dataDir.resolve("maildrop");
  }

  static boolean noMailFor(String email) throws IOException {
    if (!Files.isDirectory(maildrop())) {
      return true;
    }
    try (Stream<Path> s = Files.list(maildrop())) {
      return s.noneMatch(p -> p.getFileName().toString().contains(email));
    }
  }

  /** Waits (on file-system events) for the mail sent after the page answered; returns its link. */
  static String awaitLink(String email, String pathPrefix) throws Exception {
    Pattern link = Pattern.compile(Pattern.quote(fx.baseUrl + pathPrefix) + "[A-Za-z0-9_-]{43}");
    Files.createDirectories(maildrop());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    try (WatchService watch = maildrop().getFileSystem().newWatchService()) {
      maildrop()
          .register(
              watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (Instant.now().isBefore(deadline)) {
        List<Path> files;
        try (Stream<Path> s = Files.list(maildrop())) {
          files = s.filter(p -> p.getFileName().toString().contains(email)).sorted().toList();
        }
        for (int i = files.size() - 1; i >= 0; i--) {
          Matcher m = link.matcher(Files.readString(files.get(i)));
          if (m.find()) {
            return m.group();
          }
        }
        WatchKey key = watch.poll(1, TimeUnit.SECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
    throw new AssertionError("no mail to " + email);
  }

  static String dump(MongoDatabase db) {
    StringBuilder all = new StringBuilder();
    for (String name : db.listCollectionNames()) {
      for (Document d : db.getCollection(name).find()) {
        all.append(d.toJson()).append('\n');
      }
    }
    return all.toString();
  }
}
