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
import java.io.UncheckedIOException;
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
    ctx.next();
  }

  /**
   * Reading the activity and writing the answer are JSON work of a few kB each (a quarter of the
   * event loop's time under the bot benchmark): they run on the bot's pool with the turn, so the
   * event loop only moves bytes. A body that is not an activity still gets its 400 ({@link
   * ActivityReader}'s {@link ApiException}, through {@link #fail}).
   */
  private void process(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    String auth = ctx.request().getHeader("Authorization");
    pool.call(() -> turn(auth, body))
        .compose(cf -> Future.fromCompletionStage(cf, vertx.getOrCreateContext()))
        .onSuccess(answer -> respond(ctx, answer))
        .onFailure(e -> fail(ctx, e));
  }

  /** A turn's HTTP answer: its status and JSON body (null: none). */
  private record Answer(int status, Buffer body) {}

  private CompletableFuture<Answer> turn(String auth, Buffer body) {
    Activity activity = reader.read(body);
    if (com.microsoft.bot.schema.ActivityTypes.INVOKE.equals(activity.getType())) {
      // An invoke is answered by its invoke response in the body; expectReplies would bury it.
      activity.setDeliveryMode(null);
    }
    return call(auth, activity)
        .orTimeout(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .thenApply(BotRoutes::encode);
  }

  private CompletableFuture<InvokeResponse> call(String auth, Activity activity) {
    try {
      return adapter.processActivity(auth, activity, bot::onTurn);
    } catch (RuntimeException e) {
      // A bearer value that is not a JWT at all throws here, before any Future exists.
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Nothing to return is 202, as in the SDK's own controllers. */
  private static Answer encode(InvokeResponse res) {
    if (res == null) {
      return new Answer(202, null);
    }
    try {
      // Written as UTF-8 bytes straight away: no string to build and encode again.
      return new Answer(
          res.getStatus(),
          res.getBody() == null
              ? null
              : Buffer.buffer(SdkJson.MAPPER.writeValueAsBytes(res.getBody())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void respond(RoutingContext ctx, Answer answer) {
    ctx.response().setStatusCode(answer.status());
    if (answer.body() == null) {
      ctx.response().end();
    } else {
      ctx.response()
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(answer.body());
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
