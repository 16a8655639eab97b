package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.importing.ImportReport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeApiIT {
  static final String ANNA = "anna:CHAMPION";
  static final String BEN = "ben:CHAMPION";
  static final String STAFF = "sam:STAFF";
  static final String SCHOOL = "sue:SCHOOL_CONTACT:school-7";
  static Vertx vertx;
  static MongoStore store;
  static KnowledgeFixture kb;
  @TempDir static Path indexDir;
  static WebClient client;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    store = TestStores.fresh();
    kb = new KnowledgeFixture(vertx, store.database(), indexDir, false);
    port = kb.listen();
    client = WebClient.create(vertx);
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/articles"))) {
      for (Path f : s.sorted().toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    ImportReport r = kb.importer.importFiles(files, "test");
    assertThat(r.rejected()).isEmpty();
  }

  @AfterAll
  static void stop() throws Exception {
    kb.close();
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  static HttpResponse<Buffer> call(HttpMethod m, String uri, String user, JsonObject body)
      throws Exception {
    var req = client.request(m, port, "localhost", uri);
    if (user != null) {
      req.putHeader("X-Test-User", user);
    }
    return (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
  }

  static HttpResponse<Buffer> get(String uri, String user) throws Exception {
    return call(HttpMethod.GET, uri, user, null);
  }

  static HttpResponse<Buffer> post(String uri, String user, JsonObject body) throws Exception {
    return call(HttpMethod.POST, uri, user, body);
  }

  @Test
  void searchHasTheContractShape() throws Exception {
    HttpResponse<Buffer> r =
        get("/api/kb/search?q=locked+out+of+my+account&audience=staff&limit=3", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("query")).isEqualTo("locked out of my account");
    assertThat(body.getJsonObject("answer").getString("id")).isEqualTo("reset-network-password");
    JsonObject first = body.getJsonArray("results").getJsonObject(0);
    assertThat(first.fieldNames()).contains("id", "title", "snippet", "score", "url");
    assertThat(body.getString("queryId")).isNotBlank();
    JsonObject none = get("/api/kb/search?q=zzqx+blorp", null).bodyAsJsonObject();
    assertThat(none.getValue("answer")).isNull();
    assertThat(none.containsKey("answer")).isTrue();
  }

  @Test
  void badInputIsA400AndUnknownIsA404() throws Exception {
    assertThat(get("/api/kb/search?q=", null).statusCode()).isEqualTo(400);
    assertThat(get("/api/kb/search?q=" + "a".repeat(501), null).statusCode()).isEqualTo(400);
    assertThat(get("/api/kb/search?q=x&audience=pupils", null).statusCode()).isEqualTo(400);
    assertThat(get("/api/kb/search?q=x&limit=abc", null).statusCode()).isEqualTo(400);
    assertThat(get("/api/kb/search?q=%22%28%2A%3A+AND", null).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> nf = get("/api/kb/articles/no-such-article", null);
    assertThat(nf.statusCode()).isEqualTo(404);
    assertThat(nf.bodyAsJsonObject().getString("error")).contains("no-such-article");
  }

  @Test
  void articlesRespectTheAudience() throws Exception {
    JsonObject a = get("/api/kb/articles/reset-network-password", STAFF).bodyAsJsonObject();
    assertThat(a.getString("bodyHtml")).contains("<h2>");
    assertThat(a.getString("bodyText")).contains("self-service");
    assertThat(get("/api/kb/articles/reset-network-password", SCHOOL).statusCode()).isEqualTo(404);
    // A school user cannot widen their audience with the parameter.
    assertThat(get("/api/kb/articles/reset-network-password?audience=staff", SCHOOL).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/kb/articles/school-printer-toner", SCHOOL).statusCode()).isEqualTo(200);
    JsonObject ex =
        get("/api/kb/articles/reset-network-password/excerpt?q=account+locked", STAFF)
            .bodyAsJsonObject();
    assertThat(ex.getString("heading")).isEqualTo("If you are locked out");
  }

  @Test
  void curationWorkflowWithRoleChecks() throws Exception {
    JsonObject draft =
        new JsonObject()
            .put("id", "book-a-meeting-room")
            .put("title", "Book a meeting room")
            .put("body", "Use the room finder in Outlook to book a meeting room.")
            .put("tags", new JsonArray().add("rooms"))
            .put("service", "Facilities")
            .put("audience", "staff");
    assertThat(post("/api/kb/drafts", STAFF, draft).statusCode()).isEqualTo(403);
    assertThat(post("/api/kb/drafts", null, draft).statusCode()).isEqualTo(401);
    assertThat(post("/api/kb/drafts", ANNA, draft).statusCode()).isEqualTo(201);
    assertThat(get("/api/kb/articles/book-a-meeting-room", STAFF).statusCode()).isEqualTo(404);
    assertThat(post("/api/kb/articles/book-a-meeting-room/submit", ANNA, null).statusCode())
        .isEqualTo(200);
    HttpResponse<Buffer> own = post("/api/kb/articles/book-a-meeting-room/approve", ANNA, null);
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(post("/api/kb/articles/book-a-meeting-room/approve", STAFF, null).statusCode())
        .isEqualTo(403);
    assertThat(post("/api/kb/articles/book-a-meeting-room/approve", BEN, null).statusCode())
        .isEqualTo(200);
    // Published and searchable as soon as the approval returns.
    assertThat(
            get("/api/kb/search?q=meeting+room+booking", STAFF)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("id"))
        .isEqualTo("book-a-meeting-room");

    // Editing a published article: the live version stays until the edit is approved.
    JsonObject edit = draft.copy().put("title", "Book a meeting room or desk");
    assertThat(call(HttpMethod.PUT, "/api/kb/drafts/book-a-meeting-room", BEN, edit).statusCode())
        .isEqualTo(200);
    assertThat(
            get("/api/kb/articles/book-a-meeting-room", STAFF)
                .bodyAsJsonObject()
                .getString("title"))
        .isEqualTo("Book a meeting room");
    post("/api/kb/articles/book-a-meeting-room/submit", BEN, null);
    assertThat(
            post("/api/kb/articles/book-a-meeting-room/approve", "root:ADMIN", null).statusCode())
        .isEqualTo(200);
    assertThat(
            get("/api/kb/articles/book-a-meeting-room", STAFF)
                .bodyAsJsonObject()
                .getString("title"))
        .isEqualTo("Book a meeting room or desk");

    JsonArray versions =
        new JsonArray(get("/api/kb/articles/book-a-meeting-room/versions", ANNA).bodyAsString());
    assertThat(versions.size()).isEqualTo(2);
    assertThat(
            post(
                    "/api/kb/articles/book-a-meeting-room/restore",
                    ANNA,
                    new JsonObject().put("version", 1))
                .statusCode())
        .isEqualTo(200);
    // A restore is a new version for review: the live one stays until someone else approves it.
    assertThat(
            get("/api/kb/articles/book-a-meeting-room", STAFF)
                .bodyAsJsonObject()
                .getString("title"))
        .isEqualTo("Book a meeting room or desk");
    assertThat(post("/api/kb/articles/book-a-meeting-room/approve", ANNA, null).statusCode())
        .isEqualTo(403);
    assertThat(post("/api/kb/articles/book-a-meeting-room/approve", BEN, null).statusCode())
        .isEqualTo(200);
    assertThat(
            get("/api/kb/articles/book-a-meeting-room", STAFF)
                .bodyAsJsonObject()
                .getString("title"))
        .isEqualTo("Book a meeting room");
    JsonArray audit =
        new JsonArray(get("/api/kb/articles/book-a-meeting-room/audit", ANNA).bodyAsString());
    assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action")))
        .contains("create-draft", "submit", "approve", "edit-draft", "restore");

    assertThat(post("/api/kb/articles/book-a-meeting-room/archive", ANNA, null).statusCode())
        .isEqualTo(200);
    assertThat(get("/api/kb/articles/book-a-meeting-room", STAFF).statusCode()).isEqualTo(404);
    assertThat(get("/api/kb/search?q=meeting+room+booking", STAFF).bodyAsString())
        .doesNotContain("book-a-meeting-room");
  }

  @Test
  void staleListsArticlesPastReview() throws Exception {
    assertThat(get("/api/kb/stale", STAFF).statusCode()).isEqualTo(403);
    JsonArray stale = new JsonArray(get("/api/kb/stale", ANNA).bodyAsString());
    assertThat(stale.stream().map(o -> ((JsonObject) o).getString("id")))
        .contains("reset-network-password");
  }

  @Test
  void feedbackAndGaps() throws Exception {
    JsonObject s =
        get("/api/kb/search?q=how+do+I+claim+mileage+expenses", STAFF).bodyAsJsonObject();
    get("/api/kb/search?q=How+do+I+claim+mileage+expenses%3F", STAFF);
    HttpResponse<Buffer> rated =
        post(
            "/api/kb/articles/outlook-not-syncing/feedback",
            STAFF,
            new JsonObject()
                .put("helpful", false)
                .put("comment", "did not help")
                .put("queryId", s.getString("queryId")));
    assertThat(rated.statusCode()).isEqualTo(201);
    assertThat(
            post(
                    "/api/kb/articles/outlook-not-syncing/feedback",
                    STAFF,
                    new JsonObject().put("helpful", "yes"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            get("/api/kb/articles/outlook-not-syncing", STAFF)
                .bodyAsJsonObject()
                .getLong("notHelpful"))
        .isGreaterThanOrEqualTo(1);
    JsonArray gaps = new JsonArray(get("/api/kb/gaps", ANNA).bodyAsString());
    JsonObject top = gaps.getJsonObject(0);
    assertThat(top.getString("query")).isEqualTo("how do i claim mileage expenses");
    assertThat(top.getLong("count")).isEqualTo(2);
    assertThat(get("/api/kb/gaps", STAFF).statusCode()).isEqualTo(403);
  }

  @Test
  void synonymEditsApplyWithoutRestart() throws Exception {
    String q = "/api/kb/search?q=scribble+zebra&audience=staff";
    assertThat(get(q, STAFF).bodyAsJsonObject().getJsonArray("results")).isEmpty();
    JsonObject group =
        new JsonObject().put("phrases", new JsonArray().add("scribble zebra").add("toner"));
    assertThat(call(HttpMethod.PUT, "/api/kb/synonyms/zebra", STAFF, group).statusCode())
        .isEqualTo(403);
    assertThat(call(HttpMethod.PUT, "/api/kb/synonyms/zebra", ANNA, group).statusCode())
        .isEqualTo(200);
    assertThat(
            get(q.replace("staff", "schools"), SCHOOL)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("id"))
        .isEqualTo("school-printer-toner");
    assertThat(call(HttpMethod.DELETE, "/api/kb/synonyms/zebra", ANNA, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void importRejectsBadFilesAndWritesNothingForThem() throws Exception {
    String ok =
        "---\nid: import-ok\ntitle: Imported fine\nservice: s\naudience: all\n---\nBody text.";
    String dupA = "---\nid: dup\ntitle: A\nservice: s\naudience: all\n---\nA";
    String dupB = "---\nid: dup\ntitle: B\nservice: s\naudience: all\n---\nB";
    String bad = "---\ntitle: no id\nservice: s\naudience: all\n---\nX";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("ok.md", ok);
    files.put("a.md", dupA);
    files.put("b.md", dupB);
    files.put("bad.md", bad);
    ImportReport r = kb.importer.importFiles(files, "test");
    assertThat(r.added()).isEqualTo(1);
    assertThat(r.rejected())
        .extracting(ImportReport.Rejection::source)
        .containsExactlyInAnyOrder("a.md", "b.md", "bad.md");
    assertThat(get("/api/kb/articles/dup", STAFF).statusCode()).isEqualTo(404);
    ImportReport again =
        kb.importer.importFiles(Map.of("ok.md", ok.replace("fine", "again")), "test");
    assertThat(again.updated()).isEqualTo(1);
    assertThat(get("/api/kb/articles/import-ok", STAFF).bodyAsJsonObject().getString("title"))
        .isEqualTo("Imported again");
  }
}
