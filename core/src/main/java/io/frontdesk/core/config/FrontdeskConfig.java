package io.frontdesk.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The settings the server itself needs (CONTRACT.md). Modules read their own keys from {@link
 * Settings}.
 *
 * @param port HTTP port
 * @param dataDir where the embedded store and the Lucene index live
 * @param mongoUri a MongoDB connection string; empty means start the embedded store
 * @param mongoDatabase the database name inside the store
 * @param baseUrl the public address, for links in cards and e-mails (no trailing slash)
 * @param logFormat text or json
 * @param bot the Azure Bot registration; empty app id means local mode
 */
public record FrontdeskConfig(
    int port,
    Path dataDir,
    Optional<String> mongoUri,
    String mongoDatabase,
    String baseUrl,
    String logFormat,
    BotRegistration bot) {

  public static final String PORT = "PORT";
  public static final int DEFAULT_PORT = 3978;
  public static final String DATA_DIR = "FRONTDESK_DATA_DIR";
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final String MONGO_URI = "FRONTDESK_MONGO_URI";
  public static final String MONGO_DATABASE = "FRONTDESK_MONGO_DATABASE";
  public static final String DEFAULT_MONGO_DATABASE = "frontdesk";
  public static final String BASE_URL = "FRONTDESK_BASE_URL";
  public static final String LOG_FORMAT = "FRONTDESK_LOG_FORMAT";
  public static final String APP_ID = "MICROSOFT_APP_ID";
  public static final String APP_PASSWORD = "MICROSOFT_APP_PASSWORD";
  public static final String APP_TENANT_ID = "MICROSOFT_APP_TENANT_ID";

  /** The Azure Bot registration. Its password is a secret: never log it or store it. */
  public record BotRegistration(String appId, String appPassword, String tenantId) {
    public boolean localMode() {
      return appId.isEmpty();
    }

    @Override
    public String toString() {
      return "BotRegistration[appId=" + appId + ", tenantId=" + tenantId + ", appPassword=****]";
    }
  }

  public static FrontdeskConfig load(Settings s) {
    int port = s.integer(PORT, DEFAULT_PORT, 0, 65535);
    Path dataDir = s.path(DATA_DIR, DEFAULT_DATA_DIR);
    Optional<String> mongoUri = s.optional(MONGO_URI);
    mongoUri.ifPresent(FrontdeskConfig::checkMongoUri);
    String db = s.string(MONGO_DATABASE, DEFAULT_MONGO_DATABASE);
    if (!db.matches("[A-Za-z0-9_-]{1,63}")) {
      throw new ConfigException(
          MONGO_DATABASE + " must be 1-63 letters, digits, '_' or '-', got '" + db + "'");
    }
    String baseUrl = s.string(BASE_URL, "http://localhost:" + port);
    checkBaseUrl(baseUrl);
    String logFormat = s.oneOf(LOG_FORMAT, "text", Set.of("text", "json"));
    String appId = s.string(APP_ID, "");
    String appPassword = s.string(APP_PASSWORD, "");
    String tenant = s.string(APP_TENANT_ID, "");
    if (!appId.isEmpty() && appPassword.isEmpty()) {
      throw new ConfigException(
          APP_PASSWORD + " must be set when " + APP_ID + " is set (the bot's client secret)");
    }
    return new FrontdeskConfig(
        port,
        dataDir,
        mongoUri,
        db,
        stripTrailingSlash(baseUrl),
        logFormat,
        new BotRegistration(appId, appPassword, tenant));
  }

  private static void checkMongoUri(String uri) {
    if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
      throw new ConfigException(
          MONGO_URI + " must be a MongoDB connection string starting mongodb:// or mongodb+srv://");
    }
  }

  private static void checkBaseUrl(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          BASE_URL
              + " must be an absolute http(s) URL such as https://frontdesk.example.gov.uk, got '"
              + url
              + "'");
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
