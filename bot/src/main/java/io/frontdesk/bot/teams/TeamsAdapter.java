package io.frontdesk.bot.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

  /**
   * The SDK's pipeline without its middleware. The adapter's only middleware (the SDK's Teams
   * tenant workaround) copies {@code channelData.tenant.id} to {@code conversation.tenantId} and
   * builds a new Jackson mapper (a service-loader scan) for every Teams activity that has no tenant
   * in its conversation; {@link ActivityReader} has already made that copy. Unlike the SDK's
   * pipeline this does not set the JVM's default locale to the activity's (a process-wide change
   * per request); the turn's locale is still set. Errors reach the turn-error handler as before.
   */
  @Override
  protected CompletableFuture<Void> runPipeline(TurnContext context, BotCallbackHandler callback) {
    if (context == null || context.getActivity() == null) {
      return super.runPipeline(context, callback);
    }
    String locale = context.getActivity().getLocale();
    if (locale != null && !locale.isEmpty()) {
      context.setLocale(locale);
    }
    if (callback == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> turn;
    try {
      turn = callback.invoke(context);
    } catch (RuntimeException e) {
      turn = CompletableFuture.failedFuture(e);
    }
    return turn.exceptionally(
        e -> {
          if (getOnTurnError() != null) {
            return getOnTurnError().invoke(context, e).join();
          }
          throw e instanceof CompletionException ce ? ce : new CompletionException(e);
        });
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
