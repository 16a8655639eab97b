package io.frontdesk.bot.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.CallerIdConstants;
import com.microsoft.bot.schema.DeliveryModes;
import com.microsoft.bot.schema.ExpectedReplies;
import io.frontdesk.core.config.FrontdeskConfig.BotRegistration;
import java.net.HttpURLConnection;
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
   * The SDK's {@code processActivity} for an authenticated request, on a turn context the JVM need
   * not finalise ({@link UnfinalisedTurnContext}). What it does is the SDK's: the caller id and the
   * token scope in the activity and the turn state, a connector client for the service URL, the
   * pipeline, then the buffered replies (expectReplies), the invoke response, or nothing. One
   * difference: the SDK closes the turn's state as soon as the pipeline is set going, and this
   * closes it when the turn ends.
   */
  @Override
  public CompletableFuture<InvokeResponse> processActivity(
      ClaimsIdentity identity, Activity activity, BotCallbackHandler callback) {
    if (activity == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("Activity"));
    }
    UnfinalisedTurnContext context = new UnfinalisedTurnContext(this, activity);
    CompletableFuture<InvokeResponse> turn;
    try {
      boolean skill = SkillValidation.isSkillClaim(identity.claims());
      activity.setCallerId(callerId(identity, skill));
      context.getTurnState().add(BOT_IDENTITY_KEY, identity);
      // The scope is kept in the turn state too, so a token fetched later has the right audience.
      String scope =
          skill
              ? JwtTokenValidation.getAppIdFromClaims(identity.claims()) + "/.default"
              : AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE;
      context.getTurnState().add(OAUTH_SCOPE_KEY, scope);
      turn =
          createConnectorClient(activity.getServiceUrl(), identity, scope)
              .thenCompose(
                  client -> {
                    context.getTurnState().add(CONNECTOR_CLIENT_KEY, client);
                    return runPipeline(context, callback);
                  })
              .thenApply(done -> invokeResponse(context));
    } catch (RuntimeException e) {
      turn = CompletableFuture.failedFuture(e);
    }
    return turn.whenComplete((response, e) -> closeQuietly(context));
  }

  /** Who sent the activity, as the SDK records it: nobody without authentication. */
  private String callerId(ClaimsIdentity identity, boolean skill) {
    if (registration.appId().isEmpty()) {
      return null;
    }
    return skill
        ? CallerIdConstants.BOT_TO_BOT_PREFIX
            + JwtTokenValidation.getAppIdFromClaims(identity.claims())
        : CallerIdConstants.PUBLIC_AZURE_CHANNEL;
  }

  /** The HTTP answer of a finished turn: its replies, its invoke response, or none (202). */
  private static InvokeResponse invokeResponse(UnfinalisedTurnContext context) {
    Activity activity = context.getActivity();
    if (DeliveryModes.fromString(activity.getDeliveryMode()) == DeliveryModes.EXPECT_REPLIES) {
      return new InvokeResponse(
          HttpURLConnection.HTTP_OK, new ExpectedReplies(context.getBufferedReplyActivities()));
    }
    if (activity.isType(ActivityTypes.INVOKE)) {
      Activity invokeResponse = context.getTurnState().get(INVOKE_RESPONSE_KEY);
      return invokeResponse == null
          ? new InvokeResponse(HttpURLConnection.HTTP_NOT_IMPLEMENTED, null)
          : (InvokeResponse) invokeResponse.getValue();
    }
    return null;
  }

  private static void closeQuietly(UnfinalisedTurnContext context) {
    try {
      context.close();
    } catch (Exception e) {
      // The state holds nothing of ours that can fail to close; the turn's answer stands.
    }
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
