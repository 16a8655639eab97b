package io.frontdesk.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
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
}
