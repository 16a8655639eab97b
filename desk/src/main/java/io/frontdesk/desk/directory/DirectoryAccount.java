package io.frontdesk.desk.directory;

import java.util.Set;

/**
 * One account as the directory holds it. Carries no secret.
 *
 * @param id the adapter's handle: a DN for LDAP, an object id for Graph
 * @param login the sign-in name (sAMAccountName, uid or UPN), which a password must not contain
 * @param email the registered e-mail for one-time codes, if any
 * @param mobile the registered mobile number for one-time codes, if any
 * @param disabled the account is disabled (AD ACCOUNTDISABLE, Entra accountEnabled=false, ...)
 * @param leaver the account has expired or sits in the leavers' container
 * @param locked the account is locked out
 * @param privileged an administrator flag the directory itself sets (AD adminCount=1)
 * @param passwordNeverExpires AD's DONT_EXPIRE_PASSWORD: a forced change at next logon has no
 *     effect
 * @param groups names (CNs or display names) of the groups the account is a member of
 */
public record DirectoryAccount(
    String id,
    String login,
    String upn,
    String displayName,
    String email,
    String mobile,
    boolean disabled,
    boolean leaver,
    boolean locked,
    boolean privileged,
    boolean passwordNeverExpires,
    Set<String> groups) {

  public DirectoryAccount {
    groups = Set.copyOf(groups);
  }
}
