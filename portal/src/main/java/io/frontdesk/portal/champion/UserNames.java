package io.frontdesk.portal.champion;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Display names for the user ids in audit trails and version lists. */
public final class UserNames {
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
}
