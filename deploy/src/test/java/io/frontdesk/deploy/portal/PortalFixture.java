package io.frontdesk.deploy.portal;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.io.Directories;
import io.frontdesk.core.security.Role;
import io.frontdesk.deploy.FrontdeskServer;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.people.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Frontdesk server for portal tests: the whole composition root on an embedded store in a
 * temporary directory, started with {@code --demo} (Northshire demo users, schools and articles) on
 * a free port. Sign in as any demo user, or as the first demo user holding a role, with {@link
 * #client()} and {@link PortalClient#signInAs}.
 */
public final class PortalFixture implements AutoCloseable {
  public final Path dataDir;
  public final FrontdeskServer server;
  public final String baseUrl;

  public PortalFixture() {
    this(Map.of());
  }

  public PortalFixture(Map<String, String> extra) {
    this(extra, true);
  }

  public PortalFixture(Map<String, String> extra, boolean demo) {
    try {
      dataDir = Files.createTempDirectory("fd-portal-");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    int port = freePort();
    baseUrl = "http://localhost:" + port;
    Map<String, String> env = new HashMap<>();
    env.put(FrontdeskConfig.PORT, Integer.toString(port));
    env.put(FrontdeskConfig.DATA_DIR, dataDir.toString());
    env.putAll(extra);
    Settings settings = Settings.of(env);
    server = FrontdeskServer.start(FrontdeskConfig.load(settings), settings, demo);
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new browser-like client (its own cookie jar), not signed in. */
  public PortalClient client() {
    return new PortalClient(baseUrl);
  }

  /** The id of the first demo user with the role (and, for school roles, at the school). */
  public static String demoUser(Role role, String schoolId) {
    return DemoData.users().stream()
        .filter(u -> u.roles().contains(role))
        .filter(u -> schoolId == null || schoolId.equals(u.schoolId()))
        .filter(u -> role.isSchoolRole() || u.roles().size() <= 2)
        .map(User::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo user with " + role));
  }

  public static String demoUser(Role role) {
    return demoUser(role, role.isSchoolRole() ? "st-marys-primary" : null);
  }

  /**
   * The 6-digit code in the newest demo mail-drop message to the person ({@code who} is part of
   * their address, such as {@code priya.shah}).
   */
  public String mailDropCode(String who) {
    try (var list = Files.list(dataDir.resolve("maildrop"))) {
      Path newest =
          list.filter(p -> p.getFileName().toString().contains(who))
              .max(java.util.Comparator.comparingLong(PortalFixture::modified))
              .orElseThrow(() -> new AssertionError("no mail to " + who));
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(Files.readString(newest));
      if (!m.find()) {
        throw new AssertionError("no code in the mail to " + who);
      }
      return m.group(1);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(1));
    Directories.deleteTree(dataDir);
  }
}
