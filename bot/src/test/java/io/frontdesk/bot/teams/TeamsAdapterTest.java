package io.frontdesk.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.schema.Activity;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Outbound tokens for a single-tenant registration come from its own tenant. */
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
        new ActivityReader()
            .read(
                Buffer.buffer(
                    ActivityReaderTest.message("2019-10-21T20:53:37Z")
                        .put("locale", "fr-FR")
                        .put(
                            "channelData",
                            new JsonObject().put("tenant", new JsonObject().put("id", "t-1")))
                        .encode()));
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
    Activity activity =
        new ActivityReader()
            .read(Buffer.buffer(ActivityReaderTest.message("2019-10-21T20:53:37Z").encode()));
    CompletableFuture<?> call =
        a.processActivity(
            (String) null,
            activity,
            ctx -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(call::join).hasRootCauseMessage("boom");
  }
}
