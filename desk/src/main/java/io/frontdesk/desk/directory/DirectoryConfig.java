package io.frontdesk.desk.directory;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Which directory fulfilment changes, from the environment (docs/FULFILMENT.md). With no {@link
 * #KIND} set, {@code serve} starts the embedded demo directory. {@link #toString()} masks secrets.
 *
 * @param kind embedded, active-directory, openldap or graph
 * @param ldap for active-directory and openldap
 * @param graph for graph
 */
public record DirectoryConfig(String kind, LdapSettings ldap, GraphSettings graph) {
  public static final String KIND = "FRONTDESK_DIRECTORY_KIND";
  public static final String URL = "FRONTDESK_DIRECTORY_URL";
  public static final String BIND_DN = "FRONTDESK_DIRECTORY_BIND_DN";
  public static final String BIND_SECRET = "FRONTDESK_DIRECTORY_BIND_SECRET";
  public static final String BASE_DN = "FRONTDESK_DIRECTORY_BASE_DN";
  public static final String TRUSTSTORE = "FRONTDESK_DIRECTORY_TRUSTSTORE";
  public static final String TRUSTSTORE_SECRET = "FRONTDESK_DIRECTORY_TRUSTSTORE_SECRET";
  public static final String TIMEOUT_MS = "FRONTDESK_DIRECTORY_TIMEOUT_MS";
  public static final String LEAVERS_DN = "FRONTDESK_DIRECTORY_LEAVERS_DN";
  public static final String GRAPH_TENANT_ID = "FRONTDESK_GRAPH_TENANT_ID";
  public static final String GRAPH_CLIENT_ID = "FRONTDESK_GRAPH_CLIENT_ID";
  public static final String GRAPH_CLIENT_SECRET = "FRONTDESK_GRAPH_CLIENT_SECRET";
  public static final String GRAPH_URL = "FRONTDESK_GRAPH_URL";
  public static final String GRAPH_TOKEN_URL = "FRONTDESK_GRAPH_TOKEN_URL";

  public static final String EMBEDDED = "embedded";
  public static final String GRAPH = "graph";

  public static DirectoryConfig load(Settings s) {
    String kind = s.oneOf(KIND, EMBEDDED, Set.of(EMBEDDED, "active-directory", "openldap", GRAPH));
    Duration timeout = Duration.ofMillis(s.integer(TIMEOUT_MS, 5000, 100, 120_000));
    if (EMBEDDED.equals(kind)) {
      return new DirectoryConfig(kind, null, null);
    }
    if (GRAPH.equals(kind)) {
      String tenant = required(s, GRAPH_TENANT_ID);
      return new DirectoryConfig(
          kind,
          null,
          new GraphSettings(
              s.string(GRAPH_URL, "https://graph.microsoft.com/v1.0"),
              s.string(
                  GRAPH_TOKEN_URL,
                  "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"),
              required(s, GRAPH_CLIENT_ID),
              required(s, GRAPH_CLIENT_SECRET),
              timeout));
    }
    LdapFlavour flavour =
        "active-directory".equals(kind) ? LdapFlavour.ACTIVE_DIRECTORY : LdapFlavour.OPENLDAP;
    String url = required(s, URL);
    if (flavour == LdapFlavour.ACTIVE_DIRECTORY && !url.startsWith("ldaps://")) {
      throw new ConfigException(
          URL
              + " must be an ldaps:// URL for Active Directory, which only resets passwords over TLS");
    }
    if (!url.startsWith("ldap://") && !url.startsWith("ldaps://")) {
      throw new ConfigException(URL + " must start with ldap:// or ldaps://, got '" + url + "'");
    }
    Optional<String> trust = s.optional(TRUSTSTORE);
    return new DirectoryConfig(
        kind,
        new LdapSettings(
            flavour,
            url,
            required(s, BIND_DN),
            required(s, BIND_SECRET),
            required(s, BASE_DN),
            trust.map(Path::of).orElse(null),
            s.optional(TRUSTSTORE_SECRET).orElse(null),
            timeout,
            s.optional(LEAVERS_DN).orElse(null)),
        null);
  }

  private static String required(Settings s, String key) {
    return s.optional(key)
        .orElseThrow(
            () -> new ConfigException(key + " is required when " + KIND + " is set to this kind"));
  }
}
