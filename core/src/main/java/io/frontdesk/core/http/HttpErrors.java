package io.frontdesk.core.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler for JSON routes: a known failure becomes its status with a message that
 * says what to fix; anything else becomes a 500 that carries only the correlation id, and the
 * exception goes to the log, never to the user.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private static final Map<Integer, String> DEFAULT_MESSAGES =
      Map.of(
          400, "The request is malformed.",
          401, "Sign in first.",
          403, "You do not have permission to do that.",
          404, "Not found.",
          405, "That method is not allowed here.",
          413, "The request body is too large.",
          415, "Send the body as application/json.");

  private HttpErrors() {}

  public static void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Answer a = describe(ctx);
    send(ctx, a.status(), a.message());
  }

  /** What a failed request answers: the status, and a message that is safe to show. */
  public record Answer(int status, String message) {}

  /**
   * Classifies the routing context's failure, for this handler and for pages that render failures
   * as HTML. A server fault (5xx) is logged here with the correlation id, once; its message carries
   * only that id.
   */
  public static Answer describe(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return new Answer(api.status(), api.getMessage());
    }
    if (failure instanceof DecodeException) {
      return new Answer(400, "The body is not valid JSON.");
    }
    if (failure instanceof HttpException http && http.getStatusCode() < 500) {
      int status = http.getStatusCode();
      return new Answer(
          status,
          http.getPayload() != null
              ? http.getPayload()
              : DEFAULT_MESSAGES.getOrDefault(status, "The request cannot be served."));
    }
    if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      int status = ctx.statusCode();
      return new Answer(
          status, DEFAULT_MESSAGES.getOrDefault(status, "The request cannot be served."));
    }
    LOG.error(
        "{} {} failed [{}]",
        ctx.request().method(),
        ctx.normalizedPath(),
        RequestLog.correlationId(ctx),
        failure);
    if (failure instanceof HttpException http && http.getStatusCode() == 503) {
      return new Answer(503, "The service is not ready; try again shortly.");
    }
    return new Answer(500, serverFault(ctx));
  }

  /** The message of a 500: only the correlation id, to quote when reporting it. */
  public static String serverFault(RoutingContext ctx) {
    return "Something went wrong on our side. Quote this reference if you report it: "
        + RequestLog.correlationId(ctx);
  }

  /** Writes {"error": message, "status": status}. */
  public static void send(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", message).put("status", status).encode());
  }
}
