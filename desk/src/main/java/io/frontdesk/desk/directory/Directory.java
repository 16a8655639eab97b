package io.frontdesk.desk.directory;

import java.util.Optional;

/**
 * The port to the organisation's directory (Active Directory, OpenLDAP, Entra ID, or the embedded
 * demo directory). Blocking: call through {@code Blocking}. Every change is a single operation on
 * one account, so a failure never leaves an account half-changed.
 */
public interface Directory {

  /** What the adapter is, for audit lines and health ("active-directory", "graph", ...). */
  String kind();

  /**
   * Finds the account of a person the desk knows, by UPN first and then by Entra object id.
   *
   * @throws DirectoryException (UNAVAILABLE) if the directory cannot be reached in time
   */
  Optional<DirectoryAccount> find(String upn, String aadObjectId);

  /**
   * Sets a temporary password, clears any lockout and forces a change at the next sign-in, in one
   * operation. The password is not kept anywhere by the adapter.
   */
  void resetPassword(DirectoryAccount account, char[] temporaryPassword);

  /** Clears the lockout without touching the password. */
  void unlock(DirectoryAccount account);

  /** Whether {@link #unlock} means anything here (Entra ID's smart lockout clears itself). */
  default boolean supportsUnlock() {
    return true;
  }

  /** Reachability, for the health check; throws if the directory is down. */
  void ping();
}
