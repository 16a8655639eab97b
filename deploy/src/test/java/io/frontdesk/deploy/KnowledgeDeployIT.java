package io.frontdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.deploy.commands.KbCommand;
import io.frontdesk.deploy.commands.ServeCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kb commands and {@code GET /api/kb/search} through the real composition root: Main's command
 * dispatch, KnowledgeWiring on the store and index that {@code serve} uses, and FrontdeskServer.
 * The output formats are the ones CONTRACT.md fixes.
 */
class KnowledgeDeployIT {
  private static final String WIFI =
      """
      ---
      id: connect-to-wifi
      title: Connect to the office Wi-Fi
      tags: [wifi, wireless, network]
      service: Network and remote access
      audience: all
      review_by: 2027-06-01
      ---
      Choose **Northshire-Staff**, sign in with your network account and accept the certificate.
      """;
  private static final String PRINTER =
      """
      ---
      id: school-printer-toner
      title: Order toner for a school printer
      tags: [printer, toner]
      service: Printing
      audience: schools
      review_by: 2027-06-01
      ---
      Order toner through the traded services portal; it arrives within two school days.
      """;
  private static final String BROKEN =
      """
      ---
      id: Not A Valid Id
      title: Broken
      ---
      body
      """;

  @TempDir Path tmp;
  private Settings settings;
  private PrintStream systemOut;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() {
    settings =
        Settings.of(Map.of("FRONTDESK_DATA_DIR", tmp.resolve("data").toString(), "PORT", "0"));
    systemOut = System.out;
  }

  @AfterEach
  void restoreStdout() {
    // The kb command sends stray library output to stderr by swapping System.out.
    System.setOut(systemOut);
  }

  private Run frontdesk(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List.of(new ServeCommand(), new KbCommand()));
    int code = main.run(args, settings);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void importSearchExportRoundTripAndTheServerAnswersFromTheSameIndex() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("wifi.md"), WIFI);
    Files.writeString(in.resolve("toner.md"), PRINTER);
    Files.writeString(in.resolve("broken.md"), BROKEN);

    Run imported = frontdesk("kb", "import", in.toString());
    assertThat(imported.code()).as(imported.err()).isEqualTo(1);
    assertThat(imported.out())
        .startsWith("added: 2\nupdated: 0\nrejected: 1\n")
        .contains("rejected broken.md: ");

    Run search = frontdesk("kb", "search", "wifi", "not", "connecting");
    assertThat(search.code()).as(search.err()).isZero();
    List<String> lines = search.out().lines().toList();
    assertThat(lines.get(0)).matches("answer: (connect-to-wifi|none)");
    assertThat(lines.get(1)).matches("connect-to-wifi\t\\d+\\.\\d{3}\tConnect to the office Wi-Fi");
    assertThat(search.out()).doesNotContain("school-printer-toner");

    Run staff = frontdesk("kb", "search", "toner");
    assertThat(staff.out().lines().toList()).containsExactly("answer: none");
    Run schools = frontdesk("kb", "search", "--audience", "schools", "order", "toner");
    assertThat(schools.out().lines().skip(1).findFirst())
        .get()
        .asString()
        .startsWith("school-printer-toner\t");

    Run syntax = frontdesk("kb", "search", "title:(wifi", "AND", "*\"");
    assertThat(syntax.code()).as(syntax.err()).isZero();
    assertThat(syntax.out()).startsWith("answer: ");
    assertThat(frontdesk("kb", "search").code()).isEqualTo(2);
    assertThat(frontdesk("kb", "search", "--audience", "martians", "wifi").code()).isEqualTo(2);

    Path out = tmp.resolve("out");
    Run export = frontdesk("kb", "export", out.toString());
    assertThat(export.out()).isEqualTo("exported: 2\n");
    Run again = frontdesk("kb", "import", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("added: 0\nupdated: 2\nrejected: 0\n");

    FrontdeskServer server = FrontdeskServer.start(FrontdeskConfig.load(settings), settings, false);
    try {
      int port = server.port();
      JsonObject found = get(port, "/api/kb/search?q=" + enc("office wi-fi network") + "&limit=5");
      assertThat(found.getString("query")).isEqualTo("office wi-fi network");
      JsonArray results = found.getJsonArray("results");
      JsonObject first = results.getJsonObject(0);
      assertThat(first.getString("id")).isEqualTo("connect-to-wifi");
      assertThat(first.getString("title")).isEqualTo("Connect to the office Wi-Fi");
      assertThat(first.getString("snippet")).contains("<mark>");
      assertThat(first.getDouble("score")).isPositive();
      assertThat(first.getString("url")).endsWith("/kb/connect-to-wifi");
      assertThat(found.containsKey("answer")).isTrue();
      if (found.getValue("answer") != null) {
        assertThat(found.getJsonObject("answer").getString("id")).isEqualTo("connect-to-wifi");
      }
      assertThat(get(port, "/api/kb/search?q=toner&audience=staff").getJsonArray("results").size())
          .isZero();
      assertThat(
              get(port, "/api/kb/search?q=toner&audience=schools")
                  .getJsonArray("results")
                  .getJsonObject(0)
                  .getString("id"))
          .isEqualTo("school-printer-toner");

      HttpResponse<String> empty = request(port, "/api/kb/search?q=");
      assertThat(empty.statusCode()).isEqualTo(400);
      assertThat(new JsonObject(empty.body()).getString("error")).isNotBlank();
      HttpResponse<String> tooLong = request(port, "/api/kb/search?q=" + "a".repeat(501));
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(request(port, "/api/kb/search?q=wifi&audience=martians").statusCode())
          .isEqualTo(400);
      assertThat(request(port, "/api/kb/articles/no-such-article").statusCode()).isEqualTo(404);
    } finally {
      server.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void evalPrintsTheTwoContractLines() throws Exception {
    Path faq = tmp.resolve("faq.xml");
    Files.writeString(
        faq,
        """
        <root>
        <qapair><rephr>change the colour of my inbox</rephr><rephr>inbox theme</rephr>
          <question>How do I change the Gmail theme?</question>
          <answer>Open settings and pick a theme for the inbox.</answer></qapair>
        <qapair><rephr>share a folder with a colleague</rephr>
          <question>How do I share a Dropbox folder?</question>
          <answer>Right-click the folder and choose share.</answer>
          <answer>Use the web site share button.</answer></qapair>
        </root>
        """);
    Run eval = frontdesk("kb", "eval", "stackfaq", faq.toString());
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(eval.out().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .matches(
                        "thread: MAP=\\d\\.\\d{3} MRR=\\d\\.\\d{3} P@1=\\d\\.\\d{3} P@5=\\d\\.\\d{3}"
                            + " Hit@5=\\d\\.\\d{3}"),
            l -> assertThat(l).startsWith("qa: MAP="));
    assertThat(eval.err()).contains("ranking: lexical (FRONTDESK_KB_SEMANTIC=off)");

    // The semantic setting: static is refused with its reason, and minilm without the model on
    // the class path (the default build) says how to build it; neither is a stack trace.
    settings = settings.with(Map.of("FRONTDESK_KB_SEMANTIC", "static"));
    Run refused = frontdesk("kb", "eval", "stackfaq", faq.toString());
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("FRONTDESK_KB_SEMANTIC=static").doesNotContain("at io.");
    settings = settings.with(Map.of("FRONTDESK_KB_SEMANTIC", "minilm"));
    Run missing = frontdesk("kb", "eval", "stackfaq", faq.toString());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("-Psemantic").doesNotContain("at io.");
  }

  @Test
  void quickBenchPrintsEveryFigureTheIssueAsksForWithoutTheStoreBuild() {
    Run bench = frontdesk("kb", "bench", "--quick", "400");
    assertThat(bench.code()).as(bench.err()).isZero();
    assertThat(bench.out())
        .contains("n=400 lucene: build ")
        .contains("articles per CPU-second")
        .contains("single-thread wall p50=")
        .contains("cpu p50=")
        .contains("2 threads ")
        .contains("publish->searchable median ")
        .contains("mongo regex (20 queries)")
        .doesNotContain("insertMany");
    assertThat(frontdesk("kb", "bench", "--quick", "lots").code()).isEqualTo(2);
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HttpResponse<String> request(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject get(int port, String path) throws Exception {
    HttpResponse<String> r = request(port, path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
