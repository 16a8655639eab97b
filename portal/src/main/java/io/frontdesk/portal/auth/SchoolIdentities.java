package io.frontdesk.portal.auth;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.portal.PortalConfig;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a school's own identity provider says signed in, once the id token is verified: the account
 * is found by e-mail, which must be in one of that school's domains, and must belong to that
 * school. A school's provider can therefore never sign anyone in to another school, nor as council
 * staff; the school a user sees always comes from their account, never from the token.
 *
 * <p>A first sign-in with an address in the school's domains creates a school contact at that
 * school (the school vouches for its own accounts); admins are still made by invitation or by the
 * desk. Blocking: call through {@code Blocking}.
 */
public final class SchoolIdentities {
  private final UserRepository users;
  private final SchoolRepository schools;

  public SchoolIdentities(UserRepository users, SchoolRepository schools) {
    this.users = users;
    this.schools = schools;
  }

  /** The school's account for these verified claims; 403 when they do not belong there. */
  public User person(PortalConfig.SchoolOidc school, JsonObject claims) {
    if (schools.byId(school.schoolId()).isEmpty()) {
      throw ApiException.forbidden("This school cannot sign in here; contact the service desk.");
    }
    if (Boolean.FALSE.equals(claims.getValue("email_verified"))) {
      throw ApiException.forbidden("Your school account's email address is not verified.");
    }
    String email =
        Optional.ofNullable(claims.getString("email"))
            .or(() -> Optional.ofNullable(claims.getString("preferred_username")))
            .map(e -> e.strip().toLowerCase(Locale.ROOT))
            .filter(e -> e.indexOf('@') > 0 && e.length() <= 254)
            .orElseThrow(
                () -> ApiException.forbidden("Your school's sign-in gave no email address."));
    String domain = email.substring(email.lastIndexOf('@') + 1);
    if (!school.domains().contains(domain)) {
      throw ApiException.forbidden(
          "That account is not one of this school's; sign in with your own school's account.");
    }
    Optional<User> known = users.byEmail(email);
    if (known.isPresent()) {
      if (!school.schoolId().equals(known.get().schoolId())) {
        // Council staff, or another school's user: never let a school's provider vouch for them.
        throw ApiException.forbidden("This account cannot sign in here; contact the service desk.");
      }
      return known.get();
    }
    Optional<String> name = Optional.ofNullable(claims.getString("name")).filter(n -> !n.isBlank());
    User fresh =
        new User(
            "u-" + UUID.randomUUID(),
            name.orElse(email),
            email,
            null,
            null,
            EnumSet.of(Role.SCHOOL_CONTACT),
            school.schoolId(),
            null,
            false,
            false,
            List.of(),
            null);
    users.save(fresh);
    return fresh;
  }
}
