package io.frontdesk.desk.notify;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.util.Set;

/**
 * Which notifier sends one-time codes, from the environment (docs/FULFILMENT.md). With {@link
 * #NOTIFIER} at {@code auto}: SMTP if a host is set, else GOV.UK Notify if a key is set, else the
 * demo's mail drop. {@link #toString()} masks secrets.
 */
public record NotifyConfig(
    String notifier,
    String smtpHost,
    int smtpPort,
    String smtpSecurity,
    String smtpUsername,
    String smtpSecret,
    String smtpFrom,
    int timeoutMs,
    String notifyKey,
    String notifyUrl,
    String notifyEmailTemplate,
    String notifySmsTemplate) {

  public static final String NOTIFIER = "FRONTDESK_NOTIFIER";
  public static final String SMTP_HOST = "FRONTDESK_SMTP_HOST";
  public static final String SMTP_PORT = "FRONTDESK_SMTP_PORT";
  public static final String SMTP_SECURITY = "FRONTDESK_SMTP_SECURITY";
  public static final String SMTP_USERNAME = "FRONTDESK_SMTP_USERNAME";
  public static final String SMTP_SECRET = "FRONTDESK_SMTP_SECRET";
  public static final String SMTP_FROM = "FRONTDESK_SMTP_FROM";
  public static final String TIMEOUT_MS = "FRONTDESK_NOTIFY_TIMEOUT_MS";
  public static final String NOTIFY_API_KEY = "FRONTDESK_NOTIFY_API_KEY";
  public static final String NOTIFY_URL = "FRONTDESK_NOTIFY_URL";
  public static final String NOTIFY_EMAIL_TEMPLATE = "FRONTDESK_NOTIFY_EMAIL_TEMPLATE";
  public static final String NOTIFY_SMS_TEMPLATE = "FRONTDESK_NOTIFY_SMS_TEMPLATE";

  public static final String SMTP = "smtp";
  public static final String GOVUK_NOTIFY = "govuk-notify";
  public static final String MAIL_DROP = "mail-drop";

  public static NotifyConfig load(Settings s) {
    String chosen = s.oneOf(NOTIFIER, "auto", Set.of("auto", SMTP, GOVUK_NOTIFY, MAIL_DROP));
    if ("auto".equals(chosen)) {
      chosen =
          s.optional(SMTP_HOST).isPresent()
              ? SMTP
              : s.optional(NOTIFY_API_KEY).isPresent() ? GOVUK_NOTIFY : MAIL_DROP;
    }
    NotifyConfig c =
        new NotifyConfig(
            chosen,
            s.optional(SMTP_HOST).orElse(null),
            s.integer(SMTP_PORT, 587, 1, 65535),
            s.oneOf(SMTP_SECURITY, "starttls", Set.of("starttls", "tls", "none")),
            s.optional(SMTP_USERNAME).orElse(null),
            s.optional(SMTP_SECRET).orElse(null),
            s.optional(SMTP_FROM).orElse(null),
            s.integer(TIMEOUT_MS, 10_000, 100, 120_000),
            s.optional(NOTIFY_API_KEY).orElse(null),
            s.string(NOTIFY_URL, "https://api.notifications.service.gov.uk"),
            s.optional(NOTIFY_EMAIL_TEMPLATE).orElse(null),
            s.optional(NOTIFY_SMS_TEMPLATE).orElse(null));
    if (SMTP.equals(chosen) && (c.smtpHost == null || c.smtpFrom == null)) {
      throw new ConfigException(SMTP_HOST + " and " + SMTP_FROM + " are required for SMTP");
    }
    if (GOVUK_NOTIFY.equals(chosen)
        && (c.notifyKey == null
            || (c.notifyEmailTemplate == null && c.notifySmsTemplate == null))) {
      throw new ConfigException(
          NOTIFY_API_KEY
              + " and at least one of "
              + NOTIFY_EMAIL_TEMPLATE
              + " or "
              + NOTIFY_SMS_TEMPLATE
              + " are required for GOV.UK Notify");
    }
    return c;
  }

  @Override
  public String toString() {
    return "NotifyConfig[notifier="
        + notifier
        + ", smtpHost="
        + smtpHost
        + ", smtpPort="
        + smtpPort
        + ", smtpSecurity="
        + smtpSecurity
        + ", smtpUsername="
        + smtpUsername
        + ", smtpSecret=****, smtpFrom="
        + smtpFrom
        + ", notifyKey=****, notifyUrl="
        + notifyUrl
        + "]";
  }
}
