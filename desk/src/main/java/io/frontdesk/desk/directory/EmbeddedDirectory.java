package io.frontdesk.desk.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import io.frontdesk.desk.people.User;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The demo directory: UnboundID's in-memory LDAP server on a loopback port, shaped like Active
 * Directory (sAMAccountName, userPrincipalName, userAccountControl, lockoutTime, pwdLastSet,
 * memberOf, msDS-ExternalDirectoryObjectId) and seeded with the desk's people. {@code serve} starts
 * it when no directory is configured, so the demo resets real LDAP accounts. Nobody has a password
 * until a reset gives them one; the service account's password is random per start.
 */
public final class EmbeddedDirectory implements AutoCloseable {
  public static final String BASE_DN = "DC=northshire,DC=gov,DC=uk";
  public static final String PEOPLE_DN = "OU=Staff," + BASE_DN;
  public static final String GROUPS_DN = "OU=Groups," + BASE_DN;
  public static final String LEAVERS_DN = "OU=Leavers," + BASE_DN;
  public static final String SERVICE_DN = "CN=frontdesk-svc,OU=Service Accounts," + BASE_DN;

  /** AD's default protected group that the demo's administrators belong to. */
  public static final String ADMINS_GROUP = "Domain Admins";

  private final InMemoryDirectoryServer server;
  private final String serviceSecret;

  private EmbeddedDirectory(InMemoryDirectoryServer server, String serviceSecret) {
    this.server = server;
    this.serviceSecret = serviceSecret;
  }

  /** Starts on a free loopback port and seeds the staff accounts among {@code people}. */
  public static EmbeddedDirectory start(List<User> people) {
    return start(people, java.util.Set.of());
  }

  /**
   * As {@link #start(List)}, with the accounts of {@code lockedUserIds} locked out (AD-style, a
   * lockoutTime), so the demo has someone to unlock.
   */
  public static EmbeddedDirectory start(List<User> people, java.util.Set<String> lockedUserIds) {
    try {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      // AD attributes are not in the standard schema; the demo directory accepts them as given.
      config.setSchema(null);
      config.addAdditionalBindCredentials(SERVICE_DN, secret);
      // Nobody reads or changes the demo directory without binding first, even on loopback.
      config.setAuthenticationRequiredOperationTypes(
          OperationType.ADD,
          OperationType.COMPARE,
          OperationType.DELETE,
          OperationType.EXTENDED,
          OperationType.MODIFY,
          OperationType.MODIFY_DN,
          OperationType.SEARCH);
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "loopback", InetAddress.getLoopbackAddress(), 0, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "domain")));
      for (String ou :
          List.of(PEOPLE_DN, GROUPS_DN, LEAVERS_DN, "OU=Service Accounts," + BASE_DN)) {
        server.add(new Entry(ou, new Attribute("objectClass", "top", "organizationalUnit")));
      }
      server.add(
          new Entry(
              "CN=" + ADMINS_GROUP + "," + GROUPS_DN,
              new Attribute("objectClass", "top", "group"),
              new Attribute("cn", ADMINS_GROUP)));
      int n = 0;
      for (User u : people) {
        if (u.upn() != null && u.schoolId() == null) {
          server.add(entry(u, n++, lockedUserIds.contains(u.id())));
        }
      }
      server.startListening();
      return new EmbeddedDirectory(server, secret);
    } catch (LDAPException e) {
      throw new IllegalStateException("the embedded directory did not start: " + e.getMessage(), e);
    }
  }

  private static Entry entry(User u, int n, boolean locked) {
    String login = u.upn().substring(0, u.upn().indexOf('@')).replace(".", "");
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "user"));
    attrs.add(new Attribute("cn", u.displayName()));
    attrs.add(new Attribute("displayName", u.displayName()));
    attrs.add(new Attribute("sAMAccountName", login.toLowerCase(Locale.ROOT)));
    attrs.add(new Attribute("userPrincipalName", u.upn()));
    attrs.add(new Attribute("mail", u.email()));
    // Ofcom's drama range: numbers that are never allocated to anyone.
    attrs.add(new Attribute("mobile", String.format(Locale.ROOT, "+447700900%03d", 100 + n)));
    attrs.add(new Attribute("userAccountControl", u.disabled() ? "514" : "512"));
    // lockoutTime is a FILETIME; any non-zero value means locked out.
    attrs.add(new Attribute("lockoutTime", locked ? "134090000000000000" : "0"));
    attrs.add(new Attribute("pwdLastSet", "133000000000000000"));
    attrs.add(new Attribute("accountExpires", "9223372036854775807"));
    if (u.aadObjectId() != null) {
      attrs.add(new Attribute("msDS-ExternalDirectoryObjectId", "User_" + u.aadObjectId()));
    }
    if (u.privileged()) {
      attrs.add(new Attribute("adminCount", "1"));
      attrs.add(new Attribute("memberOf", "CN=" + ADMINS_GROUP + "," + GROUPS_DN));
    }
    return new Entry("CN=" + u.displayName() + "," + PEOPLE_DN, attrs);
  }

  /** Settings for an {@link LdapDirectory} that talks to this server as the service account. */
  public LdapSettings settings(Duration timeout) {
    return new LdapSettings(
        LdapFlavour.EMBEDDED,
        "ldap://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port(),
        SERVICE_DN,
        serviceSecret,
        BASE_DN,
        null,
        null,
        timeout,
        LEAVERS_DN);
  }

  public LdapDirectory directory(Clock clock) {
    return new LdapDirectory(settings(Duration.ofSeconds(5)), clock);
  }

  public int port() {
    return server.getListenPort();
  }

  /** The server itself, for tests and the demo (lock an account, read attributes). */
  public InMemoryDirectoryServer server() {
    return server;
  }

  /** The DN of a seeded person. */
  public static String dnOf(User u) {
    return "CN=" + u.displayName() + "," + PEOPLE_DN;
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
