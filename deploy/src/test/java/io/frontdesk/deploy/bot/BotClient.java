package io.frontdesk.deploy.bot;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Posts activities to a running server's /api/messages, as Teams or the Emulator would. */
final class BotClient {
  record Response(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;

  BotClient(int port) {
    this.endpoint = "http://127.0.0.1:" + port + "/api/messages";
  }

  Response post(String body, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  Response post(JsonObject activity) throws IOException, InterruptedException {
    return post(activity.encode(), null);
  }

  /** A recorded payload from ../shared/data/teams-payloads, pointed at our connector. */
  static JsonObject payload(String file, String serviceUrl) throws IOException {
    Path dir =
        Path.of(
            System.getProperty("frontdesk.shared.dir", "../../shared"), "data", "teams-payloads");
    JsonObject a = new JsonObject(Files.readString(dir.resolve(file)));
    if (a.containsKey("serviceUrl") || a.containsKey("type")) {
      a.put("serviceUrl", serviceUrl);
    }
    return a;
  }

  /** The personal-chat message from the recordings, with new text and a fresh id. */
  static JsonObject personal(String text, String serviceUrl) throws IOException {
    return payload("teams-personal-message.json", serviceUrl)
        .put("text", text)
        .put("id", UUID.randomUUID().toString());
  }

  static JsonObject expectReplies(JsonObject activity) {
    return activity.copy().put("deliveryMode", "expectReplies");
  }
}
