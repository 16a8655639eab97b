package io.frontdesk.desk.people;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Admins add schools and people, and change schools (subscription tier, covered services, on-site
 * days) and to users' roles and groups, each recorded in the admin audit trail. Admins only; an
 * admin cannot change their own roles (so the last admin cannot lock everyone out by mistake, and
 * no one grants themselves more). A school user keeps school roles and council staff keep staff
 * roles: tenancy is not changed here. Blocking.
 */
public final class DirectoryAdmin {
  static final Set<Role> SCHOOL_ROLES = EnumSet.of(Role.SCHOOL_CONTACT, Role.SCHOOL_ADMIN);
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

  private final SchoolRepository schools;
  private final UserRepository users;
  private final Catalogue catalogue;
  private final AdminAudit audit;

  public DirectoryAdmin(
      SchoolRepository schools, UserRepository users, Catalogue catalogue, AdminAudit audit) {
    this.schools = schools;
    this.users = users;
    this.catalogue = catalogue;
    this.audit = audit;
  }

  /**
   * Adds a school (a new tenant of the schools desk) with its entitlement; 400 naming the field if
   * the id is taken or a value is bad. Its staff are added as users afterwards.
   */
  public School addSchool(
      Principal p,
      String schoolId,
      String name,
      String tier,
      List<String> covered,
      int onsiteDaysIncluded) {
    requireAdmin(p);
    String id = schoolId == null ? "" : schoolId.strip();
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw ApiException.badRequest(
          "id must be lower-case letters, digits and hyphens, like oak-primary");
    }
    if (schools.byId(id).isPresent()) {
      throw ApiException.badRequest("id " + id + " is already a school; choose another");
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw ApiException.badRequest("name is required (up to 100 characters)");
    }
    School s = new School(id, n, clean(tier), services(covered), days(onsiteDaysIncluded), 0);
    schools.save(s);
    audit.record(p, "school.add", s.id(), s.name() + ", " + describe(s));
    return s;
  }

  /**
   * Adds a person: council staff (they sign in with their council account, matched by e-mail) or,
   * with a {@code schoolId}, a member of that school's staff (the portal then sends them an
   * invitation to set a password). 400 naming the field for bad input or an e-mail already in use.
   */
  public User addUser(
      Principal p,
      String displayName,
      String email,
      Set<Role> roles,
      List<String> groups,
      String schoolId) {
    requireAdmin(p);
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 100) {
      throw ApiException.badRequest("name is required (up to 100 characters)");
    }
    String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(mail).matches()) {
      throw ApiException.badRequest("email must be an address like name@northshire.gov.uk");
    }
    if (users.byEmail(mail).isPresent()) {
      throw ApiException.badRequest("email " + mail + " already has an account");
    }
    String school = schoolId == null || schoolId.isBlank() ? null : schoolId.strip();
    if (school != null && schools.byId(school).isEmpty()) {
      throw ApiException.badRequest("schoolId names no school: " + school);
    }
    checkRoles(roles, school != null);
    List<String> g = groups(groups);
    User u =
        new User(
            "u-" + UUID.randomUUID(),
            name,
            mail,
            school == null ? mail : null,
            null,
            roles,
            school,
            null,
            roles.contains(Role.ADMIN),
            false,
            g,
            null);
    users.save(u);
    audit.record(
        p,
        "user.add",
        u.id(),
        u.displayName()
            + " <"
            + u.email()
            + ">: "
            + roles.stream().map(Role::name).sorted().toList()
            + ", groups "
            + g
            + (school == null ? "" : ", school " + school));
    return u;
  }

  /** Changes a school's entitlement; returns the school as saved. */
  public School saveEntitlement(
      Principal p, String schoolId, String tier, List<String> covered, int onsiteDaysIncluded) {
    requireAdmin(p);
    School s =
        schools
            .byId(schoolId)
            .orElseThrow(() -> ApiException.notFound("There is no school " + schoolId + "."));
    // Days already used stay used, even if the new allowance is smaller.
    School saved =
        new School(
            s.id(),
            s.name(),
            clean(tier),
            services(covered),
            days(onsiteDaysIncluded),
            s.onsiteDaysUsed());
    schools.save(saved);
    audit.record(p, "school.entitlement", saved.id(), describe(saved));
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
    checkRoles(roles, u.schoolId() != null);
    List<String> g = groups(groups);
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
    audit.record(
        p,
        "user.roles",
        saved.id(),
        saved.displayName()
            + ": "
            + roles.stream().map(Role::name).sorted().toList()
            + ", groups "
            + saved.groups());
    return saved;
  }

  private static void checkRoles(Set<Role> roles, boolean schoolUser) {
    if (roles == null || roles.isEmpty()) {
      throw ApiException.badRequest("roles must name at least one role");
    }
    for (Role r : roles) {
      if (SCHOOL_ROLES.contains(r) != schoolUser) {
        throw ApiException.badRequest(
            schoolUser
                ? "roles: a school user can hold only the school contact and school admin roles"
                : "roles: council staff cannot hold school roles");
      }
    }
  }

  private static List<String> groups(List<String> groups) {
    List<String> g = groups == null ? List.of() : groups.stream().map(String::strip).toList();
    if (g.size() > 50 || g.stream().anyMatch(x -> !x.matches("[a-z0-9][a-z0-9-]{0,59}"))) {
      throw ApiException.badRequest("groups must be group ids (lower case words and hyphens)");
    }
    return g;
  }

  private static String clean(String tier) {
    String t = tier == null ? "" : tier.strip();
    if (t.isEmpty() || t.length() > 30) {
      throw ApiException.badRequest("tier is required (up to 30 characters)");
    }
    return t;
  }

  private static int days(int onsiteDaysIncluded) {
    if (onsiteDaysIncluded < 0 || onsiteDaysIncluded > 365) {
      throw ApiException.badRequest("onsiteDaysIncluded must be from 0 to 365");
    }
    return onsiteDaysIncluded;
  }

  private List<String> services(List<String> covered) {
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
    return services;
  }

  private static String describe(School s) {
    return s.tier()
        + ", covers "
        + String.join(", ", s.covered())
        + ", on-site days "
        + s.onsiteDaysIncluded();
  }

  private static void requireAdmin(Principal p) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only administrators can change schools and users.");
    }
  }
}
