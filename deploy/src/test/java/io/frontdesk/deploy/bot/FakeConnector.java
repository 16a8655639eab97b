package io.frontdesk.deploy.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server playing the Bot Connector: it records activities posted to {@code
 * /v3/conversations/{id}/activities[/{replyToId}]} (the id decoded, ';' not a matrix parameter) and
 * answers member look-ups, as Teams' connector does.
 */
final class FakeConnector implements AutoCloseable {
  record Post(String conversationId, String replyToId, JsonObject activity, String authorization) {}

  private static final Pattern ACTIVITIES =
      Pattern.compile("/amer/v3/conversations/(.+?)/activities(?:/([^/]+))?");
  private static final Pattern MEMBER =
      Pattern.compile("/amer/v3/conversations/(.+?)/members/([^/]+)");

  private final Vertx vertx;
  private final HttpServer server;
  private final java.util.List<Post> posts = new java.util.ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeConnector(Vertx vertx) {
    this.vertx = vertx;
    this.server =
        vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await();
  }

  String serviceUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/amer/";
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    Matcher a = ACTIVITIES.matcher(path);
    Matcher m = MEMBER.matcher(path);
    if (req.method().name().equals("POST") && a.matches()) {
      req.body()
          .onSuccess(
              b -> {
                record(
                    new Post(
                        decode(a.group(1)),
                        a.group(2) == null ? null : decode(a.group(2)),
                        b.toJsonObject(),
                        req.getHeader("Authorization")));
                req.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("id", "1:" + ids.incrementAndGet()).encode());
              });
    } else if (req.method().name().equals("GET") && m.matches()) {
      req.response()
          .putHeader("Content-Type", "application/json")
          .end(
              new JsonObject()
                  .put("id", decode(m.group(2)))
                  .put("name", "Member")
                  .put("aadObjectId", "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4")
                  .encode());
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private synchronized void record(Post p) {
    posts.add(p);
    notifyAll();
  }

  /**
   * The first activity not yet taken that was posted to this conversation, waiting up to {@code
   * within} for it; null if none came.
   */
  synchronized Post next(String conversationId, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      for (java.util.Iterator<Post> it = posts.iterator(); it.hasNext(); ) {
        Post p = it.next();
        if (p.conversationId().equals(conversationId)) {
          it.remove();
          return p;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }

  Vertx vertx() {
    return vertx;
  }
}
