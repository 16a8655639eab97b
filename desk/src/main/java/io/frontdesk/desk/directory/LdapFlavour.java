package io.frontdesk.desk.directory;

/**
 * How an LDAP directory stores passwords and lockout. The embedded demo directory is
 * Active-Directory-shaped (lockoutTime, pwdLastSet, userAccountControl, memberOf) but takes the
 * password in {@code userPassword}, which is what UnboundID's in-memory server binds against.
 */
public enum LdapFlavour {
  /** Active Directory over LDAPS: unicodePwd, pwdLastSet=0, lockoutTime=0. */
  ACTIVE_DIRECTORY("active-directory", "userPrincipalName"),
  /** OpenLDAP with the ppolicy overlay: userPassword, pwdReset, pwdAccountLockedTime. */
  OPENLDAP("openldap", "mail"),
  /** The embedded demo directory: AD attributes, password in userPassword. */
  EMBEDDED("embedded", "userPrincipalName");

  private final String wire;
  private final String upnAttribute;

  LdapFlavour(String wire, String upnAttribute) {
    this.wire = wire;
    this.upnAttribute = upnAttribute;
  }

  public String wire() {
    return wire;
  }

  /** The attribute that holds the person's sign-in name as the desk knows it. */
  public String upnAttribute() {
    return upnAttribute;
  }

  public boolean adShaped() {
    return this != OPENLDAP;
  }
}
