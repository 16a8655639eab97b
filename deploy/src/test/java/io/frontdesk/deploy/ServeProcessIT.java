package io.frontdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.MongoStore;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator runs it: {@code serve --demo} becomes ready, serves the portal
 * and metrics, stops cleanly on SIGTERM with exit code 0, keeps its data across a restart, refuses
 * a second server on the same data directory, and never writes a secret to its logs.
 */
class ServeProcessIT {
  private static final String SECRET = "Xq9-not-for-logs-7731";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void killLeftovers() throws InterruptedException {
    // A failed assertion must not leave a server running, nor one still writing to the data
    // directory when JUnit deletes it after this method.
    started.forEach(p -> p.toHandle().destroyForcibly());
    for (Process p : started) {
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void servesStopsCleanlyAndRestartsWithItsData(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "PORT",
            String.valueOf(port),
            "FRONTDESK_DATA_DIR",
            data.toString(),
            "FRONTDESK_LOG_FORMAT",
            "json",
            "MICROSOFT_APP_ID",
            "00000000-0000-0000-0000-000000000001",
            "MICROSOFT_APP_PASSWORD",
            SECRET);

    Path log1 = tmp.resolve("first.log");
    // Queued writes are never flushed by the timer here: only the shutdown can write them.
    Map<String, String> firstEnv = new java.util.HashMap<>(env);
    firstEnv.put("FRONTDESK_WRITE_BEHIND_MS", "60000");
    Process first = start(firstEnv, log1, "serve", "--demo");
    awaitReady(port, first);
    HttpResponse<String> home = get(port, "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(home.body()).contains("<html");
    assertThat(home.headers().firstValue("X-Correlation-Id")).isPresent();
    HttpResponse<String> metrics = get(port, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("vertx_http_server");
    // --demo seeded the fresh store: the demo articles answer a search.
    HttpResponse<String> search = get(port, "/api/kb/search?q=locked+out+of+my+account");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(search.body()).getJsonArray("results")).isNotEmpty();
    assertThat(Files.readString(log1)).doesNotContain("already holds data");
    HttpResponse<String> missing = get(port, "/api/no-such-thing?token=" + SECRET);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(missing.body()).getString("error")).isNotBlank();

    // A second server on the same data directory fails fast and names it.
    Path log2 = tmp.resolve("second.log");
    Process second =
        start(
            Map.of("PORT", String.valueOf(freePort()), "FRONTDESK_DATA_DIR", data.toString()),
            log2,
            "serve");
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log2)).contains(data.toString()).contains("in use");
    assertThat(get(port, "/health").statusCode()).isEqualTo(200);

    // SIGTERM: drains, closes the store and exits 0 within 10 s.
    Instant stopAt = Instant.now();
    first.destroy();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(Duration.between(stopAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
    // The search's query-log entry, queued behind, was written by the shutdown.
    try (MongoStore store = MongoStore.embedded(data, "frontdesk")) {
      assertThat(
              store
                  .database()
                  .getCollection("kb_queries")
                  .countDocuments(new org.bson.Document("text", "locked out of my account")))
          .isEqualTo(1);
    }

    // Restart on the same data: ready again, and the demo data is not seeded twice.
    Path log3 = tmp.resolve("third.log");
    Process third = start(env, log3, "serve", "--demo");
    awaitReady(port, third);
    third.destroy();
    assertThat(third.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log3)).contains("already holds data");

    // Logs are JSON lines, and the secret never reached them.
    for (Path log : List.of(log1, log3)) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain(SECRET);
      text.lines()
          .filter(l -> l.startsWith("{"))
          .findFirst()
          .ifPresentOrElse(
              l -> assertThat(new JsonObject(l).getString("level")).isNotBlank(),
              () -> assertThat(text).as("JSON log lines").contains("{"));
    }
  }

  private Process start(Map<String, String> env, Path log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "frontdesk.jar").toAbsolutePath();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("FRONTDESK_") || k.startsWith("MICROSOFT_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private void awaitReady(int port, Process p) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as("server process is running").isTrue();
      try {
        if (get(port, "/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server not ready within 60 s");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
