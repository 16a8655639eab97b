package io.frontdesk.bot;

import io.frontdesk.core.config.Settings;
import java.time.Duration;

/**
 * The bot's own settings (docs/CONFIGURATION.md). The Azure Bot registration itself is {@code
 * FrontdeskConfig.BotRegistration}.
 *
 * @param maxBodyBytes the largest activity accepted on /api/messages
 * @param transcriptLines how many lines of a conversation are kept and copied into a ticket
 * @param seenRetention how long activity ids are remembered for redelivery checks
 * @param staffService the catalogue service of an incident when the conversation names none
 * @param schoolService the same for school users
 * @param openIdMetadata where Bot Framework tokens' signing keys are published
 */
public record BotOptions(
    int maxBodyBytes,
    int transcriptLines,
    Duration seenRetention,
    String staffService,
    String schoolService,
    String openIdMetadata) {

  public static final String MAX_BODY = "FRONTDESK_BOT_MAX_BODY_BYTES";
  public static final String TRANSCRIPT_LINES = "FRONTDESK_BOT_TRANSCRIPT_LINES";
  public static final String SEEN_HOURS = "FRONTDESK_BOT_DEDUP_HOURS";
  public static final String STAFF_SERVICE = "FRONTDESK_BOT_DEFAULT_SERVICE";
  public static final String SCHOOL_SERVICE = "FRONTDESK_BOT_DEFAULT_SCHOOL_SERVICE";
  public static final String OPENID_METADATA = "FRONTDESK_BOT_OPENID_METADATA";
  public static final String DEFAULT_OPENID_METADATA =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";

  public static BotOptions load(Settings s) {
    return new BotOptions(
        s.integer(MAX_BODY, 256 * 1024, 4 * 1024, 4 * 1024 * 1024),
        s.integer(TRANSCRIPT_LINES, 40, 4, 500),
        Duration.ofHours(s.integer(SEEN_HOURS, 24, 1, 24 * 14)),
        s.string(STAFF_SERVICE, "Software and applications"),
        s.string(SCHOOL_SERVICE, "Schools ICT"),
        s.string(OPENID_METADATA, DEFAULT_OPENID_METADATA));
  }
}
