package io.frontdesk.core.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as established by a verified sign-in (portal session, Teams token, service token).
 * Never built from a claim the caller could forge, such as a display name.
 *
 * @param id the stable user id in the store
 * @param displayName for greetings and audit lines
 * @param email the registered e-mail, if any
 * @param roles what the person may do
 * @param schoolId the school (tenant) of a school user; empty for council staff
 */
public record Principal(
    String id, String displayName, String email, Set<Role> roles, Optional<String> schoolId) {

  public Principal {
    roles = Set.copyOf(roles);
    if (roles.stream().anyMatch(Role::isSchoolRole) && schoolId.isEmpty()) {
      throw new IllegalArgumentException("a school user needs a school id");
    }
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... wanted) {
    for (Role r : wanted) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  /** School users read the "schools" audience; everyone else reads "staff" (CONTRACT.md). */
  public boolean isSchoolUser() {
    return schoolId.isPresent();
  }

  public String audience() {
    return isSchoolUser() ? "schools" : "staff";
  }
}
