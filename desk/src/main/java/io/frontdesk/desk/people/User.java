package io.frontdesk.desk.people;

import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * A person the desk knows: council staff, school users, agents, Champions, managers, admins.
 *
 * @param schoolId the tenant of a school user; null for council staff
 * @param lineManagerId approves requests that need the line manager
 * @param privileged an administrator or member of a protected group: never reset by self-service
 * @param groups the resolver groups an agent works in (and approver groups)
 * @param passwordHash for school portal accounts only (Argon2id, written by the portal); never a
 *     plain password
 */
public record User(
    String id,
    String displayName,
    String email,
    String upn,
    String aadObjectId,
    Set<Role> roles,
    String schoolId,
    String lineManagerId,
    boolean privileged,
    boolean disabled,
    List<String> groups,
    String passwordHash) {

  public User {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    groups = List.copyOf(groups);
  }

  /** The identity the desk checks, as a verified sign-in would establish it. */
  public Principal principal() {
    return new Principal(
        id, displayName, email == null ? "" : email, roles, Optional.ofNullable(schoolId));
  }

  public Document toDocument() {
    return new Document("_id", id)
        .append("displayName", displayName)
        .append("email", lower(email))
        .append("upn", lower(upn))
        .append("aadObjectId", aadObjectId)
        .append("roles", roles.stream().map(Enum::name).sorted().toList())
        .append("schoolId", schoolId)
        .append("lineManagerId", lineManagerId)
        .append("privileged", privileged)
        .append("disabled", disabled)
        .append("groups", groups)
        .append("passwordHash", passwordHash);
  }

  public static User fromDocument(Document d) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : d.getList("roles", String.class, List.of())) {
      roles.add(Role.valueOf(r));
    }
    return new User(
        d.getString("_id"),
        d.getString("displayName"),
        d.getString("email"),
        d.getString("upn"),
        d.getString("aadObjectId"),
        roles,
        d.getString("schoolId"),
        d.getString("lineManagerId"),
        d.getBoolean("privileged", false),
        d.getBoolean("disabled", false),
        new ArrayList<>(d.getList("groups", String.class, List.of())),
        d.getString("passwordHash"));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }
}
