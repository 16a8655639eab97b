package io.frontdesk.deploy.commands;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.io.Directories;
import io.frontdesk.deploy.Command;
import io.frontdesk.deploy.FrontdeskServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code cds-train}: the training run for a class-data-sharing archive. It starts the server on
 * throw-away demo data, asks it for the pages and answers people ask for first (home; a search and
 * an article, which send an anonymous caller to sign in; a bot question, which runs the knowledge
 * search), stops it and exits. Run under {@code -XX:ArchiveClassesAtExit}, the JVM then writes
 * every class this loaded into an archive that later starts map instead of parsing and verifying
 * the jar's classes again: about half the start-up CPU (docs/DEPLOYMENT.md). The build runs it
 * after packaging; it needs no network and binds only a free loopback port.
 */
public final class CdsTrainCommand implements Command {
  private static final String QUESTION =
      "{\"type\":\"message\",\"id\":\"cds-train-1\",\"channelId\":\"msteams\","
          + "\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\","
          + "\"from\":{\"id\":\"cds-train\",\"name\":\"Training run\"},"
          + "\"recipient\":{\"id\":\"frontdesk\"},\"conversation\":{\"id\":\"cds-train\"},"
          + "\"text\":\"how do I reset my password\"}";

  @Override
  public String name() {
    return "cds-train";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "cds-train          training run for the start-up class archive (used by the build)");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws Exception {
    if (!args.isEmpty()) {
      throw new UsageException("cds-train takes no arguments");
    }
    Path data = Files.createTempDirectory("fd-cds-train-");
    try {
      Settings s =
          Settings.of(
              Map.of(
                  FrontdeskConfig.PORT, "0",
                  FrontdeskConfig.DATA_DIR, data.toString(),
                  FrontdeskConfig.BASE_URL, "http://localhost"));
      FrontdeskServer server = FrontdeskServer.start(FrontdeskConfig.load(s), s, true);
      try {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + server.port();
        for (String page : List.of("/", "/kb?q=reset+password", "/kb/change-password")) {
          send(http, HttpRequest.newBuilder(URI.create(base + page)).GET(), out, page);
        }
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION)),
            out,
            "/api/messages");
      } finally {
        server.stop(Duration.ofSeconds(2));
      }
    } finally {
      Directories.deleteTree(data);
    }
    return 0;
  }

  private static void send(HttpClient http, HttpRequest.Builder req, PrintStream out, String what)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    out.println("cds-train: " + what + " -> " + r.statusCode());
  }
}
