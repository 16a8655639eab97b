package io.frontdesk.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ExpectedReplies;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Outbound tokens for a single-tenant registration come from its own tenant; a turn answers as the
 * SDK's does and leaves nothing for the finaliser.
 */
class TeamsAdapterTest {
  static final String METADATA =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";

  static AppCredentials credentials(BotRegistration r) {
    return new TeamsAdapter(r, METADATA)
        .buildAppCredentials(r.appId(), "https://api.botframework.com")
        .join();
  }

  @Test
  void singleTenantUsesItsTenantAuthority() {
    AppCredentials c =
        credentials(new BotRegistration("app-1", "secret", "5f7e1c9a-0000-4000-8000-000000000001"));
    assertThat(c.oAuthEndpoint()).contains("5f7e1c9a-0000-4000-8000-000000000001");
    assertThat(c.getAppId()).isEqualTo("app-1");
  }

  @Test
  void multiTenantUsesTheBotFrameworkTenant() {
    AppCredentials c = credentials(new BotRegistration("app-1", "secret", ""));
    assertThat(c.oAuthEndpoint()).contains("botframework.com");
  }

  @Test
  void localModeSendsNoToken() {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    assertThat(a.localMode()).isTrue();
  }

  @Test
  void aTurnReachesTheBotWithItsLocaleAndTheProcessLocaleIsLeftAlone() {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    Activity activity =
        activity(
            ActivityReaderTest.message("2019-10-21T20:53:37Z")
                .put("locale", "fr-FR")
                .put(
                    "channelData",
                    new JsonObject().put("tenant", new JsonObject().put("id", "t-1"))));
    Locale before = Locale.getDefault();
    AtomicReference<String> seen = new AtomicReference<>();
    a.processActivity(
            (String) null,
            activity,
            ctx -> {
              seen.set(ctx.getLocale() + "|" + ctx.getActivity().getConversation().getTenantId());
              return CompletableFuture.completedFuture(null);
            })
        .join();
    assertThat(seen.get()).isEqualTo("fr-FR|t-1");
    assertThat(Locale.getDefault()).isEqualTo(before);
  }

  @Test
  void aFailingTurnFailsTheCall() {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    Activity activity = activity(ActivityReaderTest.message("2019-10-21T20:53:37Z"));
    CompletableFuture<?> call =
        a.processActivity(
            (String) null,
            activity,
            ctx -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(call::join).hasRootCauseMessage("boom");
  }

  static Activity activity(JsonObject json) {
    return new ActivityReader().read(Buffer.buffer(json.encode()));
  }

  @Test
  void anExpectRepliesTurnAnswersWithItsBufferedReplies() {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    InvokeResponse res =
        a.processActivity(
                (String) null,
                activity(
                    ActivityReaderTest.message("2019-10-21T20:53:37Z")
                        .put("deliveryMode", "expectReplies")),
                ctx ->
                    ctx.sendActivity("first")
                        .thenCompose(r -> ctx.sendActivity("second"))
                        .thenApply(r -> (Void) null))
            .join();
    assertThat(res.getStatus()).isEqualTo(200);
    assertThat(((ExpectedReplies) res.getBody()).getActivities())
        .extracting(Activity::getText)
        .containsExactly("first", "second");
  }

  @Test
  void anInvokeAnswersWithItsInvokeResponseOr501WithoutOne() {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    JsonObject invoke =
        ActivityReaderTest.message("2019-10-21T20:53:37Z")
            .put("type", "invoke")
            .put("name", "composeExtension/query");
    InvokeResponse none =
        a.processActivity(
                (String) null, activity(invoke), ctx -> CompletableFuture.completedFuture(null))
            .join();
    assertThat(none.getStatus()).isEqualTo(501);

    InvokeResponse answered =
        a.processActivity(
                (String) null,
                activity(invoke),
                ctx -> {
                  Activity reply = new Activity(BotFrameworkAdapter.INVOKE_RESPONSE_KEY);
                  reply.setType("invokeResponse");
                  reply.setValue(new InvokeResponse(200, "card"));
                  return ctx.sendActivity(reply).thenApply(r -> null);
                })
            .join();
    assertThat(answered.getStatus()).isEqualTo(200);
    assertThat(answered.getBody()).isEqualTo("card");
    assertThat(
            a.processActivity(
                    (String) null,
                    activity(ActivityReaderTest.message("2019-10-21T20:53:37Z")),
                    ctx -> CompletableFuture.completedFuture(null))
                .join())
        .as("a plain message has no HTTP answer: 202")
        .isNull();
  }

  /**
   * A finalisable turn context is kept alive by the collection that finds it dead, so its phantom
   * reference cannot be enqueued by one collection; an unfinalisable one is enqueued at once.
   */
  @Test
  void aFinishedTurnIsCollectedWithoutTheFinaliser() throws InterruptedException {
    ReferenceQueue<TurnContext> queue = new ReferenceQueue<>();
    PhantomReference<TurnContext> turn = finishedTurn(queue);
    System.gc();
    assertThat(queue.remove(10_000)).isSameAs(turn);
  }

  /** Runs one expectReplies turn and returns only a phantom reference to its context. */
  private static PhantomReference<TurnContext> finishedTurn(ReferenceQueue<TurnContext> queue) {
    TeamsAdapter a = new TeamsAdapter(new BotRegistration("", "", ""), METADATA);
    AtomicReference<TurnContext> context = new AtomicReference<>();
    a.processActivity(
            (String) null,
            activity(
                ActivityReaderTest.message("2019-10-21T20:53:37Z")
                    .put("deliveryMode", "expectReplies")),
            ctx -> {
              context.set(ctx);
              return ctx.sendActivity("done").thenApply(r -> null);
            })
        .join();
    return new PhantomReference<>(context.getAndSet(null), queue);
  }
}
