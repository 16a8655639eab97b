package io.frontdesk.desk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LDAP adapter's Active Directory flavour over LDAPS (unicodePwd as a quoted UTF-16LE value,
 * pwdLastSet=0, lockoutTime=0) and its OpenLDAP ppolicy flavour (userPassword, pwdReset,
 * pwdAccountLockedTime), each against UnboundID's in-memory server.
 */
class LdapFlavoursTest {
  static final String BASE = "dc=example,dc=org";
  InMemoryDirectoryServer server;
  @TempDir Path tmp;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutDown(true);
    }
  }

  private InMemoryDirectoryServerConfig config() throws Exception {
    InMemoryDirectoryServerConfig c = new InMemoryDirectoryServerConfig(BASE);
    c.setSchema(null);
    c.addAdditionalBindCredentials("cn=svc," + BASE, "svc-secret");
    return c;
  }

  private void seed(Entry... people) throws Exception {
    server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain")));
    for (Entry e : people) {
      server.add(e);
    }
  }

  @Test
  void activeDirectoryResetsOverLdapsWithUnicodePwdAndForcesAChange() throws Exception {
    ObjectPair<File, char[]> keys = localhostCertificate(tmp);
    SSLUtil serverSsl =
        new SSLUtil(
            new KeyStoreKeyManager(keys.getFirst(), keys.getSecond(), "PKCS12", null),
            new TrustAllTrustManager());
    InMemoryDirectoryServerConfig c = config();
    c.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig(
            "ldaps",
            InetAddress.getByName("localhost"),
            0,
            serverSsl.createSSLServerSocketFactory(),
            null));
    server = new InMemoryDirectoryServer(c);
    String dn = "CN=Jo Smith," + BASE;
    seed(
        new Entry(
            dn,
            new Attribute("objectClass", "top", "person", "user"),
            new Attribute("sAMAccountName", "jsmith"),
            new Attribute("userPrincipalName", "j.smith@example.org"),
            new Attribute("mail", "j.smith@example.org"),
            new Attribute("userAccountControl", "512"),
            new Attribute("lockoutTime", "133700000000000000"),
            new Attribute("pwdLastSet", "133000000000000000"),
            new Attribute("msDS-ExternalDirectoryObjectId", "User_abc-123")));
    server.startListening();
    LdapDirectory ad =
        new LdapDirectory(
            new LdapSettings(
                LdapFlavour.ACTIVE_DIRECTORY,
                "ldaps://localhost:" + server.getListenPort(),
                "cn=svc," + BASE,
                "svc-secret",
                BASE,
                keys.getFirst().toPath(),
                new String(keys.getSecond()),
                Duration.ofSeconds(5),
                null),
            Clock.systemUTC());

    DirectoryAccount a = ad.find(null, "abc-123").orElseThrow();
    assertThat(a.login()).isEqualTo("jsmith");
    assertThat(a.locked()).isTrue();
    ad.resetPassword(a, "Tmp#Pass2345xyz".toCharArray());

    Entry e = server.getEntry(dn);
    assertThat(e.getAttributeValueBytes("unicodePwd"))
        .isEqualTo("\"Tmp#Pass2345xyz\"".getBytes(StandardCharsets.UTF_16LE));
    assertThat(e.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(e.getAttributeValue("lockoutTime")).isEqualTo("0");

    // Real AD computes the lock state; a lockoutTime left over from an expired lockout is not a
    // lock.
    server.modify(
        dn,
        new com.unboundid.ldap.sdk.Modification(
            com.unboundid.ldap.sdk.ModificationType.REPLACE,
            "msDS-User-Account-Control-Computed",
            "0"),
        new com.unboundid.ldap.sdk.Modification(
            com.unboundid.ldap.sdk.ModificationType.REPLACE, "lockoutTime", "133700000000000000"));
    assertThat(ad.find("j.smith@example.org", null).orElseThrow().locked()).isFalse();
    server.modify(
        dn,
        new com.unboundid.ldap.sdk.Modification(
            com.unboundid.ldap.sdk.ModificationType.REPLACE,
            "msDS-User-Account-Control-Computed",
            "16"));
    assertThat(ad.find("j.smith@example.org", null).orElseThrow().locked()).isTrue();

    assertThatThrownBy(
            () ->
                new LdapDirectory(
                    new LdapSettings(
                        LdapFlavour.ACTIVE_DIRECTORY,
                        "ldap://localhost:389",
                        "cn=svc," + BASE,
                        "x",
                        BASE,
                        null,
                        null,
                        Duration.ofSeconds(1),
                        null),
                    Clock.systemUTC()))
        .hasMessageContaining("ldaps://");

    // A certificate the trust store does not hold is a failure to connect, not a silent trust.
    LdapDirectory untrusted =
        new LdapDirectory(
            new LdapSettings(
                LdapFlavour.ACTIVE_DIRECTORY,
                "ldaps://localhost:" + server.getListenPort(),
                "cn=svc," + BASE,
                "svc-secret",
                BASE,
                null,
                null,
                Duration.ofSeconds(5),
                null),
            Clock.systemUTC());
    assertThatThrownBy(() -> untrusted.find("j.smith@example.org", null))
        .isInstanceOf(DirectoryException.class)
        .extracting(x -> ((DirectoryException) x).reason())
        .isEqualTo(DirectoryException.Reason.UNAVAILABLE);
  }

  /** A self-signed certificate for localhost, made with the JDK's keytool. */
  private static ObjectPair<File, char[]> localhostCertificate(Path dir) throws Exception {
    File store = dir.resolve("ldaps.p12").toFile();
    char[] pin = "test-store-pin".toCharArray();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "ldaps",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(pin))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return new ObjectPair<>(store, pin);
  }

  @Test
  void openLdapResetsUserPasswordSetsPwdResetAndClearsTheLock() throws Exception {
    server = new InMemoryDirectoryServer(config());
    String jo = "uid=jo," + BASE;
    String gone = "uid=gone," + BASE;
    seed(
        new Entry(
            jo,
            new Attribute("objectClass", "top", "person", "inetOrgPerson"),
            new Attribute("uid", "jo"),
            new Attribute("cn", "Jo Smith"),
            new Attribute("mail", "jo@example.org"),
            new Attribute("pwdAccountLockedTime", "20260101120000Z"),
            new Attribute("userPassword", "Old-Pass-987")),
        new Entry(
            gone,
            new Attribute("objectClass", "top", "person", "inetOrgPerson"),
            new Attribute("uid", "gone"),
            new Attribute("cn", "Gone Person"),
            new Attribute("mail", "gone@example.org"),
            new Attribute("pwdAccountLockedTime", LdapDirectory.PPOLICY_PERMANENT_LOCK)));
    server.startListening();
    LdapDirectory ldap =
        new LdapDirectory(
            new LdapSettings(
                LdapFlavour.OPENLDAP,
                "ldap://127.0.0.1:" + server.getListenPort(),
                "cn=svc," + BASE,
                "svc-secret",
                BASE,
                null,
                null,
                Duration.ofSeconds(5),
                null),
            Clock.systemUTC());

    assertThat(ldap.find("gone@example.org", null).orElseThrow().disabled()).isTrue();
    DirectoryAccount a = ldap.find("jo@example.org", null).orElseThrow();
    assertThat(a.locked()).isTrue();
    assertThat(a.disabled()).isFalse();
    assertThat(a.displayName()).isEqualTo("Jo Smith");

    ldap.unlock(a);
    assertThat(server.getEntry(jo).hasAttribute("pwdAccountLockedTime")).isFalse();
    assertThat(server.getEntry(jo).getAttributeValue("userPassword")).isEqualTo("Old-Pass-987");

    ldap.resetPassword(
        ldap.find("jo@example.org", null).orElseThrow(), "New#Pass2345ab".toCharArray());
    Entry e = server.getEntry(jo);
    assertThat(e.getAttributeValue("pwdReset")).isEqualTo("TRUE");
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", server.getListenPort())) {
      assertThat(c.bind(jo, "New#Pass2345ab").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
    assertThat(ldap.find("nobody@example.org", null)).isEmpty();
  }
}
