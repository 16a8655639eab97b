package io.frontdesk.bot.teams;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: the Bot Framework endpoint, hosted by Vert.x (no Spring). The body is
 * size-limited and checked before the SDK sees it; the adapter runs on the bot's worker pool
 * because its calls block. Results map as the SDK's own controllers do: nothing to return is 202,
 * an invoke or expectReplies answer is its status and JSON body, a bad token is 401.
 */
public final class BotRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(BotRoutes.class);
  static final String ACTIVITY = "bot.activity";

  /**
   * Longest a turn may take before the caller gets a 503: past the bot's own waits (30 s), so only
   * a lost future reaches it, and it then shows as an error and a warning instead of a hung
   * request.
   */
  static final long TURN_TIMEOUT_SECONDS = 45;

  private final Vertx vertx;
  private final Blocking pool;
  private final TeamsAdapter adapter;
  private final TeamsBot bot;
  private final ActivityReader reader = new ActivityReader();
  private final int maxBody;

  public BotRoutes(Vertx vertx, Blocking pool, TeamsAdapter adapter, TeamsBot bot, int maxBody) {
    this.vertx = vertx;
    this.pool = pool;
    this.adapter = adapter;
    this.bot = bot;
    this.maxBody = maxBody;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.post("/api/messages")
        .handler(BodyHandler.create(false).setBodyLimit(maxBody))
        .handler(this::validate)
        .handler(this::process);
    return r;
  }

  private void validate(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
      throw ApiException.badRequest("The body is empty: send a Bot Framework activity.");
    }
    ctx.put(ACTIVITY, reader.read(ctx.body().buffer()));
    ctx.next();
  }

  private void process(RoutingContext ctx) {
    Activity activity = ctx.get(ACTIVITY);
    if (com.microsoft.bot.schema.ActivityTypes.INVOKE.equals(activity.getType())) {
      // An invoke is answered by its invoke response in the body; expectReplies would bury it.
      activity.setDeliveryMode(null);
    }
    String auth = ctx.request().getHeader("Authorization");
    pool.call(() -> call(auth, activity).orTimeout(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .compose(cf -> Future.fromCompletionStage(cf, vertx.getOrCreateContext()))
        .onSuccess(res -> respond(ctx, res))
        .onFailure(e -> fail(ctx, e));
  }

  private CompletableFuture<InvokeResponse> call(String auth, Activity activity) {
    try {
      return adapter.processActivity(auth, activity, bot::onTurn);
    } catch (RuntimeException e) {
      // A bearer value that is not a JWT at all throws here, before any Future exists.
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void respond(RoutingContext ctx, InvokeResponse res) {
    if (res == null) {
      ctx.response().setStatusCode(202).end();
      return;
    }
    Buffer body;
    try {
      // Written as UTF-8 bytes straight away: no string to build and encode again.
      body =
          res.getBody() == null
              ? null
              : Buffer.buffer(SdkJson.MAPPER.writeValueAsBytes(res.getBody()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.fail(e);
      return;
    }
    ctx.response().setStatusCode(res.getStatus());
    if (body == null) {
      ctx.response().end();
    } else {
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
    }
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof TimeoutException) {
        LOG.warn("A bot turn did not finish in {} s; answered 503", TURN_TIMEOUT_SECONDS);
        ctx.fail(
            new ApiException(
                503, "The bot took too long to answer. Please try again in a moment."));
        return;
      }
      if (cause instanceof AuthenticationException
          || cause instanceof com.auth0.jwt.exceptions.JWTVerificationException) {
        LOG.info("Rejected an activity: {}", cause.getClass().getSimpleName());
        ctx.response()
            .setStatusCode(401)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("WWW-Authenticate", "Bearer")
            .end(
                new JsonObject()
                    .put("error", "A valid Bot Framework token is required.")
                    .put("status", 401)
                    .encode());
        return;
      }
      if (cause instanceof ApiException api) {
        ctx.fail(api);
        return;
      }
      cause = cause.getCause();
    }
    ctx.fail(e);
  }
}
