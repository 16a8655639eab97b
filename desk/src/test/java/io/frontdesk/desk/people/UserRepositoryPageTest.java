package io.frontdesk.desk.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRepositoryPageTest {
  static User user(String id, String name) {
    return new User(
        id,
        name,
        id + "@example.gov.uk",
        null,
        null,
        EnumSet.of(Role.STAFF),
        null,
        null,
        false,
        false,
        List.of(),
        null);
  }

  @Test
  void pagesEveryUserByDisplayName() {
    try (MongoStore store = TestStores.fresh()) {
      UserRepository users = new UserRepository(store.database());
      users.save(user("u-c", "Cara"));
      users.save(user("u-a", "Abe"));
      users.save(user("u-b", "Bea"));
      assertThat(users.page(0, 2)).extracting(User::displayName).containsExactly("Abe", "Bea");
      assertThat(users.page(2, 2)).extracting(User::displayName).containsExactly("Cara");
    }
  }
}
