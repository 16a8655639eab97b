package io.frontdesk.desk.directory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach an LDAP directory. {@link #toString()} masks the bind secret.
 *
 * @param url {@code ldaps://host:636} (required for Active Directory) or {@code ldap://host:389}
 * @param bindDn the service account that may reset passwords in {@code baseDn}
 * @param bindSecret its password; never logged
 * @param baseDn where people are searched for
 * @param trustStore a JKS/PKCS12 trust store for the directory's certificate; null means the JVM's
 * @param trustStoreSecret the trust store's password, if it has one
 * @param timeout connect and response timeout for each operation
 * @param leaversDn accounts under this DN (e.g. {@code OU=Leavers,DC=...}) are leavers; may be null
 */
public record LdapSettings(
    LdapFlavour flavour,
    String url,
    String bindDn,
    String bindSecret,
    String baseDn,
    Path trustStore,
    String trustStoreSecret,
    Duration timeout,
    String leaversDn) {

  @Override
  public String toString() {
    return "LdapSettings[flavour="
        + flavour.wire()
        + ", url="
        + url
        + ", bindDn="
        + bindDn
        + ", bindSecret=****, baseDn="
        + baseDn
        + ", timeout="
        + timeout
        + "]";
  }
}
