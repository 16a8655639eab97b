package io.frontdesk.portal;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The portal's settings (documented in docs/CONFIGURATION.md and docs/PORTAL.md).
 *
 * @param serviceName shown in the header and page titles
 * @param organisation the council's name, shown in the header and footer
 * @param brandColour the header colour, a #rrggbb hex value
 * @param secureCookies send the session cookie only over HTTPS (the default unless the base URL is
 *     plain http on localhost)
 * @param idleTimeout a session unused for this long is signed out
 * @param absoluteTimeout a session older than this is signed out, however busy
 * @param demoSignIn the dev/demo sign-in page (pick a demo user, no password); only with --demo
 * @param oidc staff sign-in with OpenID Connect (Entra ID), if configured
 * @param maxAttachmentBytes the largest attachment accepted
 * @param attachmentTypes the MIME types accepted for attachments
 * @param secret optional HMAC key for CSRF tokens; a random key kept in the store otherwise
 */
public record PortalConfig(
    String serviceName,
    String organisation,
    String brandColour,
    String baseUrl,
    boolean secureCookies,
    Duration idleTimeout,
    Duration absoluteTimeout,
    boolean demoSignIn,
    Optional<Oidc> oidc,
    long maxAttachmentBytes,
    List<String> attachmentTypes,
    Optional<String> secret) {

  public static final String SERVICE_NAME = "FRONTDESK_SERVICE_NAME";
  public static final String ORGANISATION = "FRONTDESK_PORTAL_ORGANISATION";
  public static final String COLOUR = "FRONTDESK_PORTAL_COLOUR";
  public static final String SECURE_COOKIES = "FRONTDESK_PORTAL_SECURE_COOKIES";
  public static final String IDLE_MINUTES = "FRONTDESK_PORTAL_IDLE_MINUTES";
  public static final String ABSOLUTE_HOURS = "FRONTDESK_PORTAL_SESSION_HOURS";
  public static final String OIDC_ISSUER = "FRONTDESK_PORTAL_OIDC_ISSUER";
  public static final String OIDC_CLIENT_ID = "FRONTDESK_PORTAL_OIDC_CLIENT_ID";
  public static final String OIDC_CLIENT_SECRET = "FRONTDESK_PORTAL_OIDC_CLIENT_SECRET";
  public static final String OIDC_TENANT_ID = "FRONTDESK_PORTAL_OIDC_TENANT_ID";
  public static final String ATTACHMENT_MAX_MB = "FRONTDESK_PORTAL_ATTACHMENT_MAX_MB";
  public static final String ATTACHMENT_TYPES = "FRONTDESK_PORTAL_ATTACHMENT_TYPES";
  public static final String SECRET = "FRONTDESK_PORTAL_SECRET";

  static final String DEFAULT_TYPES =
      "image/png,image/jpeg,image/gif,application/pdf,text/plain,"
          + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
          + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * Staff sign-in with OpenID Connect.
   *
   * @param issuer the issuer URL; its {@code /.well-known/openid-configuration} is discovered
   * @param tenantId when set, only tokens whose {@code tid} claim matches are accepted
   */
  public record Oidc(
      String issuer, String clientId, String clientSecret, Optional<String> tenantId) {
    @Override
    public String toString() {
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=****]";
    }
  }

  @Override
  public String toString() {
    return "PortalConfig[serviceName="
        + serviceName
        + ", organisation="
        + organisation
        + ", baseUrl="
        + baseUrl
        + ", demoSignIn="
        + demoSignIn
        + ", oidc="
        + oidc
        + ", secret="
        + (secret.isPresent() ? "****" : "none")
        + "]";
  }

  public static PortalConfig load(Settings s, String baseUrl, boolean demo) {
    String colour = s.string(COLOUR, "#1d70b8");
    if (!colour.matches("#[0-9a-fA-F]{6}")) {
      throw new ConfigException(COLOUR + " must be a colour like #1d70b8, got '" + colour + "'");
    }
    boolean localHttp =
        baseUrl.startsWith("http://localhost") || baseUrl.startsWith("http://127.0.0.1");
    Optional<Oidc> oidc = Optional.empty();
    Optional<String> issuer = s.optional(OIDC_ISSUER);
    if (issuer.isPresent()) {
      String id = s.optional(OIDC_CLIENT_ID).orElse("");
      String secret = s.optional(OIDC_CLIENT_SECRET).orElse("");
      if (id.isEmpty() || secret.isEmpty()) {
        throw new ConfigException(
            OIDC_CLIENT_ID
                + " and "
                + OIDC_CLIENT_SECRET
                + " must be set when "
                + OIDC_ISSUER
                + " is set");
      }
      oidc = Optional.of(new Oidc(issuer.get(), id, secret, s.optional(OIDC_TENANT_ID)));
    }
    List<String> types =
        List.of(s.string(ATTACHMENT_TYPES, DEFAULT_TYPES).split(",")).stream()
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList();
    return new PortalConfig(
        s.string(SERVICE_NAME, "IT Service Desk"),
        s.string(ORGANISATION, "Northshire County Council"),
        colour.toLowerCase(java.util.Locale.ROOT),
        baseUrl,
        s.bool(SECURE_COOKIES, !localHttp),
        Duration.ofMinutes(s.integer(IDLE_MINUTES, 30, 1, 24 * 60)),
        Duration.ofHours(s.integer(ABSOLUTE_HOURS, 12, 1, 24 * 30)),
        demo,
        oidc,
        s.integer(ATTACHMENT_MAX_MB, 10, 1, 100) * 1024L * 1024L,
        types,
        s.optional(SECRET));
  }
}
