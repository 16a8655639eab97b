package io.frontdesk.bot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter for our Azure Bot registration. Inbound tokens are checked by the SDK (issuer,
 * audience, RS256 signature against the OpenID metadata's keys, expiry, the key's endorsement of
 * the channel, and the serviceUrl claim). Outbound, a single-tenant registration ({@code
 * MICROSOFT_APP_TENANT_ID}) gets its tokens from its own tenant, which the SDK's default (the
 * botframework.com tenant) would not do.
 */
public class TeamsAdapter extends BotFrameworkAdapter {
  private final BotRegistration registration;

  public TeamsAdapter(BotRegistration registration, String openIdMetadataUrl) {
    super(
        new SimpleCredentialProvider(registration.appId(), registration.appPassword()),
        new AuthenticationConfiguration(),
        null,
        null,
        null);
    this.registration = registration;
    if (!openIdMetadataUrl.equals(ChannelValidation.getOpenIdMetaDataUrl())) {
      // The SDK keeps this URL in a static; there is one registration per process.
      ChannelValidation.setOpenIdMetaDataUrl(openIdMetadataUrl);
    }
  }

  public boolean localMode() {
    return registration.localMode();
  }

  public String appId() {
    return registration.appId();
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
    if (registration.localMode()) {
      return CompletableFuture.completedFuture(MicrosoftAppCredentials.empty());
    }
    if (registration.tenantId().isEmpty()) {
      return super.buildAppCredentials(appId, scope);
    }
    return CompletableFuture.completedFuture(
        new MicrosoftAppCredentials(
            appId, registration.appPassword(), registration.tenantId(), scope));
  }
}
