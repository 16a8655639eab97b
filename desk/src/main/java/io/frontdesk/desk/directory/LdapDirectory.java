package io.frontdesk.desk.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;

/**
 * Active Directory, OpenLDAP (ppolicy) and the embedded demo directory, through the UnboundID LDAP
 * SDK. Each operation opens its own connection (resets are rare; a dead pooled connection would
 * only add a failure mode), binds as the service account, and does its change as one modify
 * request, which LDAP applies to the entry atomically: no half-changed accounts.
 */
public final class LdapDirectory implements Directory {
  /** AD: "account disabled" in userAccountControl. */
  static final int UAC_ACCOUNTDISABLE = 0x2;

  /** AD: "password never expires" in userAccountControl; pwdLastSet=0 then forces nothing. */
  static final int UAC_DONT_EXPIRE_PASSWORD = 0x10000;

  /** ppolicy: this pwdAccountLockedTime means locked by an administrator, i.e. disabled. */
  static final String PPOLICY_PERMANENT_LOCK = "000001010000Z";

  private static final String[] AD_ATTRIBUTES = {
    "sAMAccountName",
    "userPrincipalName",
    "displayName",
    "mail",
    "mobile",
    "userAccountControl",
    "lockoutTime",
    "accountExpires",
    "adminCount",
    "memberOf",
    "msDS-User-Account-Control-Computed"
  };

  /** AD's computed flag: locked out now (lockoutTime alone stays set after the lockout expires). */
  static final int UF_LOCKOUT = 0x10;

  private static final String[] OPENLDAP_ATTRIBUTES = {
    "uid", "mail", "displayName", "cn", "mobile", "pwdAccountLockedTime", "memberOf"
  };

  private final LdapSettings settings;
  private final LDAPURL url;
  private final Clock clock;

  public LdapDirectory(LdapSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    try {
      this.url = new LDAPURL(settings.url());
    } catch (LDAPException e) {
      throw new IllegalArgumentException("not an LDAP URL: " + settings.url());
    }
    if (settings.flavour() == LdapFlavour.ACTIVE_DIRECTORY && !"ldaps".equals(url.getScheme())) {
      // AD refuses unicodePwd changes without TLS; fail at start-up, not at the first reset.
      throw new IllegalArgumentException(
          "Active Directory needs an ldaps:// URL (it only accepts password resets over TLS)");
    }
  }

  @Override
  public String kind() {
    return settings.flavour().wire();
  }

  @Override
  public Optional<DirectoryAccount> find(String upn, String aadObjectId) {
    List<Filter> any = new ArrayList<>();
    if (upn != null && !upn.isBlank()) {
      any.add(Filter.createEqualityFilter(settings.flavour().upnAttribute(), upn.trim()));
    }
    if (aadObjectId != null && !aadObjectId.isBlank() && settings.flavour().adShaped()) {
      // Entra Connect writes the cloud object id back as msDS-ExternalDirectoryObjectId.
      any.add(
          Filter.createEqualityFilter(
              "msDS-ExternalDirectoryObjectId", "User_" + aadObjectId.trim()));
    }
    if (any.isEmpty()) {
      return Optional.empty();
    }
    return withConnection(
        c -> {
          SearchRequest req =
              new SearchRequest(
                  settings.baseDn(),
                  SearchScope.SUB,
                  Filter.createANDFilter(
                      Filter.createEqualityFilter("objectClass", objectClass()),
                      Filter.createORFilter(any)),
                  settings.flavour().adShaped() ? AD_ATTRIBUTES : OPENLDAP_ATTRIBUTES);
          req.setSizeLimit(2);
          req.setTimeLimitSeconds(timeoutSeconds());
          SearchResult r = c.search(req);
          if (r.getEntryCount() > 1) {
            throw DirectoryException.refused(
                "more than one directory account matches; an agent must check it");
          }
          return r.getEntryCount() == 0
              ? Optional.<DirectoryAccount>empty()
              : Optional.of(account(r.getSearchEntries().get(0)));
        });
  }

  @Override
  public void resetPassword(DirectoryAccount account, char[] temporaryPassword) {
    boolean ad = settings.flavour() == LdapFlavour.ACTIVE_DIRECTORY;
    // The Modification keeps this array (no copy), so it is wiped only after the request is sent.
    byte[] secret = encode(temporaryPassword, ad);
    try {
      List<Modification> mods = new ArrayList<>();
      mods.add(
          new Modification(ModificationType.REPLACE, ad ? "unicodePwd" : "userPassword", secret));
      if (settings.flavour().adShaped()) {
        mods.add(new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
        mods.add(new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
      } else {
        mods.add(new Modification(ModificationType.REPLACE, "pwdReset", "TRUE"));
        if (account.locked()) {
          mods.add(new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
        }
      }
      modify(account, mods);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public void unlock(DirectoryAccount account) {
    Modification m =
        settings.flavour().adShaped()
            ? new Modification(ModificationType.REPLACE, "lockoutTime", "0")
            : new Modification(ModificationType.DELETE, "pwdAccountLockedTime");
    modify(account, List.of(m));
  }

  @Override
  public void ping() {
    withConnection(c -> c.getRootDSE());
  }

  private void modify(DirectoryAccount account, List<Modification> mods) {
    withConnection(c -> c.modify(account.id(), mods));
  }

  private String objectClass() {
    return settings.flavour().adShaped() ? "user" : "inetOrgPerson";
  }

  DirectoryAccount account(SearchResultEntry e) {
    Set<String> groups = new HashSet<>();
    String[] memberOf = e.getAttributeValues("memberOf");
    if (memberOf != null) {
      for (String g : memberOf) {
        groups.add(cn(g));
      }
    }
    boolean leaver = under(e.getDN(), settings.leaversDn());
    if (settings.flavour().adShaped()) {
      long uac = longValue(e.getAttributeValue("userAccountControl"));
      long expires = longValue(e.getAttributeValue("accountExpires"));
      if (expires > 0 && expires != Long.MAX_VALUE) {
        // FILETIME: 100 ns ticks since 1601-01-01.
        long epochMillis = expires / 10_000 - 11_644_473_600_000L;
        leaver |= Instant.ofEpochMilli(epochMillis).isBefore(clock.instant());
      }
      return new DirectoryAccount(
          e.getDN(),
          e.getAttributeValue("sAMAccountName"),
          e.getAttributeValue("userPrincipalName"),
          e.getAttributeValue("displayName"),
          e.getAttributeValue("mail"),
          e.getAttributeValue("mobile"),
          (uac & UAC_ACCOUNTDISABLE) != 0,
          leaver,
          locked(e),
          longValue(e.getAttributeValue("adminCount")) == 1,
          (uac & UAC_DONT_EXPIRE_PASSWORD) != 0,
          groups);
    }
    String lockedAt = e.getAttributeValue("pwdAccountLockedTime");
    String name = e.getAttributeValue("displayName");
    return new DirectoryAccount(
        e.getDN(),
        e.getAttributeValue("uid"),
        e.getAttributeValue("mail"),
        name == null ? e.getAttributeValue("cn") : name,
        e.getAttributeValue("mail"),
        e.getAttributeValue("mobile"),
        PPOLICY_PERMANENT_LOCK.equals(lockedAt),
        leaver,
        lockedAt != null && !PPOLICY_PERMANENT_LOCK.equals(lockedAt),
        false,
        false,
        groups);
  }

  private static boolean locked(SearchResultEntry e) {
    String computed = e.getAttributeValue("msDS-User-Account-Control-Computed");
    if (computed != null) {
      return (longValue(computed) & UF_LOCKOUT) != 0;
    }
    return longValue(e.getAttributeValue("lockoutTime")) > 0;
  }

  private <T> T withConnection(LdapCall<T> call) {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    options.setConnectTimeoutMillis(millis);
    options.setResponseTimeoutMillis(millis);
    boolean tls = "ldaps".equals(url.getScheme());
    if (tls) {
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    }
    try (LDAPConnection c =
        new LDAPConnection(socketFactory(tls), options, url.getHost(), url.getPort())) {
      c.bind(settings.bindDn(), settings.bindSecret());
      return call.apply(c);
    } catch (LDAPException e) {
      throw translate(e);
    } catch (GeneralSecurityException e) {
      throw DirectoryException.unavailable("the directory's TLS set-up failed: " + e.getMessage());
    }
  }

  private SocketFactory socketFactory(boolean tls) throws GeneralSecurityException {
    if (!tls) {
      return SocketFactory.getDefault();
    }
    SSLUtil ssl =
        settings.trustStore() == null
            ? new SSLUtil()
            : new SSLUtil(
                new TrustStoreTrustManager(
                    settings.trustStore().toFile(),
                    settings.trustStoreSecret() == null
                        ? null
                        : settings.trustStoreSecret().toCharArray(),
                    null,
                    true));
    return ssl.createSSLSocketFactory();
  }

  static DirectoryException translate(LDAPException e) {
    ResultCode rc = e.getResultCode();
    // Diagnostic and connection messages name the server and the problem, never request values.
    String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
    String what = rc.getName() + (detail == null ? "" : ": " + detail);
    if (rc == ResultCode.CONNECT_ERROR
        || rc == ResultCode.SERVER_DOWN
        || rc == ResultCode.TIMEOUT
        || rc == ResultCode.TIME_LIMIT_EXCEEDED
        || rc == ResultCode.UNAVAILABLE
        || rc == ResultCode.BUSY
        || rc == ResultCode.INVALID_CREDENTIALS
        || !rc.isConnectionUsable()) {
      return DirectoryException.unavailable("the directory did not answer (" + what + ")");
    }
    return DirectoryException.refused("the directory refused the change (" + what + ")");
  }

  private int timeoutSeconds() {
    return (int) Math.max(1, settings.timeout().toSeconds());
  }

  static byte[] encode(char[] password, boolean adQuoted) {
    CharBuffer chars = CharBuffer.allocate(password.length + 2);
    if (adQuoted) {
      chars.put('"').put(password).put('"');
    } else {
      chars.put(password);
    }
    chars.flip();
    ByteBuffer bytes =
        (adQuoted ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8).encode(chars);
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    Arrays.fill(chars.array(), '\0');
    if (bytes.hasArray()) {
      Arrays.fill(bytes.array(), (byte) 0);
    }
    return out;
  }

  private static String cn(String dn) {
    try {
      return new DN(dn).getRDN().getAttributeValues()[0];
    } catch (LDAPException | RuntimeException e) {
      return dn;
    }
  }

  private static boolean under(String dn, String parent) {
    if (parent == null || parent.isBlank()) {
      return false;
    }
    try {
      return new DN(dn).isDescendantOf(new DN(parent), false);
    } catch (LDAPException e) {
      return false;
    }
  }

  private static long longValue(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @FunctionalInterface
  private interface LdapCall<T> {
    T apply(LDAPConnection c) throws LDAPException;
  }
}
