package io.frontdesk.desk.people;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Admin changes to schools (subscription tier, covered services, on-site days) and to users' roles
 * and groups. Admins only; an admin cannot change their own roles (so the last admin cannot lock
 * everyone out by mistake, and no one grants themselves more). A school user keeps school roles and
 * council staff keep staff roles: tenancy is not changed here. Blocking.
 */
public final class DirectoryAdmin {
  static final Set<Role> SCHOOL_ROLES = EnumSet.of(Role.SCHOOL_CONTACT, Role.SCHOOL_ADMIN);

  private final SchoolRepository schools;
  private final UserRepository users;
  private final Catalogue catalogue;

  public DirectoryAdmin(SchoolRepository schools, UserRepository users, Catalogue catalogue) {
    this.schools = schools;
    this.users = users;
    this.catalogue = catalogue;
  }

  /** Changes a school's entitlement; returns the school as saved. */
  public School saveEntitlement(
      Principal p, String schoolId, String tier, List<String> covered, int onsiteDaysIncluded) {
    requireAdmin(p);
    School s =
        schools
            .byId(schoolId)
            .orElseThrow(() -> ApiException.notFound("There is no school " + schoolId + "."));
    String t = tier == null ? "" : tier.strip();
    if (t.isEmpty() || t.length() > 30) {
      throw ApiException.badRequest("tier is required (up to 30 characters)");
    }
    if (onsiteDaysIncluded < 0 || onsiteDaysIncluded > 365) {
      throw ApiException.badRequest("onsiteDaysIncluded must be from 0 to 365");
    }
    List<String> services = new ArrayList<>();
    for (String c : covered == null ? List.<String>of() : covered) {
      services.add(
          catalogue
              .service(c)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "covered names '" + c + "', which is not a service in the catalogue")));
    }
    // Days already used stay used, even if the new allowance is smaller.
    School saved =
        new School(s.id(), s.name(), t, services, onsiteDaysIncluded, s.onsiteDaysUsed());
    schools.save(saved);
    return saved;
  }

  /** Sets a user's roles and groups; returns the user as saved. */
  public User setRoles(Principal p, String userId, Set<Role> roles, List<String> groups) {
    requireAdmin(p);
    if (p.id().equals(userId)) {
      throw ApiException.forbidden("You cannot change your own roles; ask another admin.");
    }
    User u =
        users
            .byId(userId)
            .orElseThrow(() -> ApiException.notFound("There is no user " + userId + "."));
    if (roles == null || roles.isEmpty()) {
      throw ApiException.badRequest("roles must name at least one role");
    }
    boolean schoolUser = u.schoolId() != null;
    for (Role r : roles) {
      if (SCHOOL_ROLES.contains(r) != schoolUser) {
        throw ApiException.badRequest(
            schoolUser
                ? "A school user can hold only the school contact and school admin roles"
                : "Council staff cannot hold school roles");
      }
    }
    List<String> g = groups == null ? List.of() : groups.stream().map(String::strip).toList();
    if (g.size() > 50 || g.stream().anyMatch(x -> !x.matches("[a-z0-9][a-z0-9-]{0,59}"))) {
      throw ApiException.badRequest("groups must be group ids (lower case words and hyphens)");
    }
    User saved =
        new User(
            u.id(),
            u.displayName(),
            u.email(),
            u.upn(),
            u.aadObjectId(),
            roles,
            u.schoolId(),
            u.lineManagerId(),
            u.privileged() || roles.contains(Role.ADMIN),
            u.disabled(),
            g,
            u.passwordHash());
    users.save(saved);
    return saved;
  }

  private static void requireAdmin(Principal p) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only administrators can change schools and users.");
    }
  }
}
