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
    Throwable failure = ctx.failure();
    int status;
    String message;
    if (failure instanceof ApiException api) {
      status = api.status();
      message = api.getMessage();
    } else if (failure instanceof DecodeException) {
      status = 400;
      message = "The body is not valid JSON.";
    } else if (failure instanceof HttpException http && http.getStatusCode() < 500) {
      status = http.getStatusCode();
      message =
          http.getPayload() != null
              ? http.getPayload()
              : DEFAULT_MESSAGES.getOrDefault(status, "The request cannot be served.");
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      message = DEFAULT_MESSAGES.getOrDefault(status, "The request cannot be served.");
    } else {
      status = failure instanceof HttpException http ? http.getStatusCode() : 500;
      if (status == 503) {
        message = "The service is not ready; try again shortly.";
      } else {
        status = 500;
        message =
            "Something went wrong on our side. Quote this reference if you report it: "
                + RequestLog.correlationId(ctx);
      }
      LOG.error(
          "{} {} failed [{}]",
          ctx.request().method(),
          ctx.normalizedPath(),
          RequestLog.correlationId(ctx),
          failure);
    }
    send(ctx, status, message);
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
