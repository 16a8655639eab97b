package io.frontdesk.portal.champion;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Display names for the user ids in audit trails and version lists. */
public final class UserNames {
  /** The knowledge audit names people by id inside its details: "approved by ID, written by ID". */
  private static final Pattern BY = Pattern.compile("\\bby ([^\\s,;]+)");

  private final UserRepository users;
  private final Blocking blocking;

  public UserNames(UserRepository users, Blocking blocking) {
    this.users = users;
    this.blocking = blocking;
  }

  /** Each id's display name; the id itself for an unknown user (an import, say). */
  public Future<Map<String, String>> of(Collection<String> ids) {
    return blocking.call(
        () -> {
          Map<String, String> out = new HashMap<>();
          for (String id : ids) {
            if (id != null && !out.containsKey(id)) {
              out.put(id, users.byId(id).map(User::displayName).orElse(id));
            }
          }
          return out;
        });
  }

  /** The user ids an audit detail names ("... by ID"). */
  public static List<String> mentioned(String detail) {
    List<String> ids = new ArrayList<>();
    if (detail != null) {
      Matcher m = BY.matcher(detail);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * The detail with each id it names replaced by the person's name (ids of unknown people stay).
   */
  public static String readable(String detail, Map<String, String> names) {
    if (detail == null) {
      return "";
    }
    return BY.matcher(detail)
        .replaceAll(
            m -> Matcher.quoteReplacement("by " + names.getOrDefault(m.group(1), m.group(1))));
  }
}
