package io.frontdesk.portal;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param schoolOidc schools whose users sign in with the school's own OpenID Connect provider
 * @param maxAttachmentBytes the largest attachment accepted
 * @param attachmentTypes the MIME types accepted for attachments
 * @param secret optional HMAC key for CSRF tokens; a random key kept in the store otherwise
 * @param popularDays the window of "popular articles" on the home page, in days
 * @param listingsCache how long the popular and browse-by-service lists are kept before a re-read
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
    List<SchoolOidc> schoolOidc,
    long maxAttachmentBytes,
    List<String> attachmentTypes,
    Optional<String> secret,
    int popularDays,
    Duration listingsCache) {

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

  /**
   * Comma-separated ids of the schools that sign in with their own provider; each school's settings
   * are {@code FRONTDESK_PORTAL_SCHOOL_OIDC_<ID>_ISSUER}, {@code _CLIENT_ID}, {@code
   * _CLIENT_SECRET} (or {@code _CLIENT_SECRET_FILE}, a file holding it) and {@code _DOMAINS}, where
   * {@code <ID>} is the school id in capitals with "-" as "_".
   */
  public static final String SCHOOL_OIDC = "FRONTDESK_PORTAL_SCHOOL_OIDC";

  public static final String ATTACHMENT_MAX_MB = "FRONTDESK_PORTAL_ATTACHMENT_MAX_MB";
  public static final String ATTACHMENT_TYPES = "FRONTDESK_PORTAL_ATTACHMENT_TYPES";
  public static final String SECRET = "FRONTDESK_PORTAL_SECRET";
  public static final String POPULAR_DAYS = "FRONTDESK_PORTAL_POPULAR_DAYS";
  public static final String LISTINGS_CACHE_SECONDS = "FRONTDESK_PORTAL_LISTINGS_CACHE_SECONDS";

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

  /**
   * A school's own OpenID Connect provider.
   *
   * @param schoolId the school (tenant) every account signed in this way belongs to
   * @param domains the e-mail domains of the school's accounts (lower case); they pick the provider
   *     at sign-in, and a signed-in account's e-mail must be in one of them
   */
  public record SchoolOidc(String schoolId, Oidc oidc, List<String> domains) {
    public SchoolOidc {
      domains = List.copyOf(domains);
    }

    /** The variable prefix of this school's settings. */
    public static String prefix(String schoolId) {
      return SCHOOL_OIDC + "_" + schoolId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
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
        + ", schoolOidc="
        + schoolOidc
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
        colour.toLowerCase(Locale.ROOT),
        baseUrl,
        s.bool(SECURE_COOKIES, !localHttp),
        Duration.ofMinutes(s.integer(IDLE_MINUTES, 30, 1, 24 * 60)),
        Duration.ofHours(s.integer(ABSOLUTE_HOURS, 12, 1, 24 * 30)),
        demo,
        oidc,
        schoolOidc(s),
        s.integer(ATTACHMENT_MAX_MB, 10, 1, 100) * 1024L * 1024L,
        types,
        s.optional(SECRET),
        s.integer(POPULAR_DAYS, 30, 1, 365),
        Duration.ofSeconds(s.integer(LISTINGS_CACHE_SECONDS, 60, 0, 3600)));
  }

  private static final Pattern SCHOOL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  /** The schools' providers; every missing or malformed setting is named. */
  static List<SchoolOidc> schoolOidc(Settings s) {
    List<SchoolOidc> out = new ArrayList<>();
    Map<String, String> domainOwner = new HashMap<>();
    for (String id : list(s.string(SCHOOL_OIDC, ""))) {
      if (!SCHOOL_ID.matcher(id).matches()) {
        throw new ConfigException(
            SCHOOL_OIDC + " must list school ids like oakfield-academy, got '" + id + "'");
      }
      String prefix = SchoolOidc.prefix(id);
      String issuer = required(s, prefix + "ISSUER");
      String clientId = required(s, prefix + "CLIENT_ID");
      String secret = secret(s, prefix + "CLIENT_SECRET");
      List<String> domains =
          list(required(s, prefix + "DOMAINS")).stream()
              .map(d -> d.toLowerCase(Locale.ROOT))
              .toList();
      for (String d : domains) {
        if (!DOMAIN.matcher(d).matches()) {
          throw new ConfigException(
              prefix + "DOMAINS must list e-mail domains like school.sch.uk, got '" + d + "'");
        }
        String other = domainOwner.putIfAbsent(d, id);
        if (other != null) {
          throw new ConfigException(
              "The e-mail domain '" + d + "' is given for both " + other + " and " + id);
        }
      }
      out.add(new SchoolOidc(id, new Oidc(issuer, clientId, secret, Optional.empty()), domains));
    }
    return List.copyOf(out);
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  private static String required(Settings s, String key) {
    return s.optional(key)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new ConfigException(key + " must be set"));
  }

  /** The secret itself, or read from the file {@code key_FILE} names (a mounted secret). */
  private static String secret(Settings s, String key) {
    Optional<String> direct = s.optional(key).filter(v -> !v.isBlank());
    if (direct.isPresent()) {
      return direct.get();
    }
    Optional<String> file = s.optional(key + "_FILE").filter(v -> !v.isBlank());
    if (file.isEmpty()) {
      throw new ConfigException(key + " or " + key + "_FILE must be set");
    }
    try {
      String v = Files.readString(Path.of(file.get())).strip();
      if (v.isEmpty()) {
        throw new ConfigException(key + "_FILE names an empty file");
      }
      return v;
    } catch (IOException | InvalidPathException e) {
      throw new ConfigException(key + "_FILE names a file that cannot be read");
    }
  }
}
