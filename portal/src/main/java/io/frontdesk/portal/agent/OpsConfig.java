package io.frontdesk.portal.agent;

import io.frontdesk.core.config.Settings;

/**
 * Settings of the desk's own pages (agents, Early Life Support, admins).
 *
 * @param bandwidthWarnPercent a queue whose open load reaches this share of its capacity shows a
 *     warning before it is oversubscribed
 * @param queuePageSize rows per queue page
 * @param baseUrl the public address (FRONTDESK_BASE_URL), so links sent to requesters by Teams or
 *     e-mail are absolute
 */
public record OpsConfig(int bandwidthWarnPercent, int queuePageSize, String baseUrl) {
  public static final String BANDWIDTH_WARN_PERCENT = "FRONTDESK_PORTAL_BANDWIDTH_WARN_PERCENT";
  public static final String QUEUE_PAGE_SIZE = "FRONTDESK_PORTAL_QUEUE_PAGE_SIZE";

  public static OpsConfig load(Settings s, String baseUrl) {
    return new OpsConfig(
        s.integer(BANDWIDTH_WARN_PERCENT, 80, 1, 100),
        s.integer(QUEUE_PAGE_SIZE, 25, 5, 100),
        baseUrl);
  }

  public static OpsConfig defaults() {
    return new OpsConfig(80, 25, "http://localhost:3978");
  }

  /** The absolute address of a published article, for messages that leave the portal. */
  public String articleLink(String articleId) {
    return baseUrl.replaceAll("/+$", "") + "/kb/" + articleId;
  }
}
