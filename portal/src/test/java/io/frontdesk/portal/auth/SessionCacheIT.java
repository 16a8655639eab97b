package io.frontdesk.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-process session cache: a session read from the store is reused without a read; sign-out,
 * sign-out everywhere and a touch drop it in this process at once; a deletion by another process
 * (straight in the store) is only seen when the entry expires; a zero cache time caches nothing.
 */
class SessionCacheIT {
  final MongoStore store = TestStores.fresh();
  final Instant now = Instant.parse("2026-03-02T09:00:00Z");

  @AfterEach
  void close() {
    store.close();
  }

  static Principal person(String id) {
    return new Principal(id, id, id + "@example.org", EnumSet.of(Role.STAFF), Optional.empty());
  }

  @Test
  void aSessionFoundIsReusedUntilThisProcessChangesIt() {
    SessionRepository repo = new SessionRepository(store.database(), Duration.ofMinutes(1));
    repo.insert("h1", person("u-1"), "test", now);
    assertThat(repo.cached("h1")).as("not read yet").isEmpty();
    assertThat(repo.find("h1")).isPresent();
    assertThat(repo.cached("h1")).isPresent();

    // Another process signs it out: this process keeps using it until the entry expires.
    store.database().getCollection(SessionRepository.COLLECTION).deleteOne(Filters.eq("_id", "h1"));
    assertThat(repo.cached("h1").map(s -> s.principal().id())).contains("u-1");

    // A sign-out in this process drops it at once.
    repo.insert("h2", person("u-2"), "test", now);
    repo.find("h2");
    repo.delete("h2");
    assertThat(repo.cached("h2")).isEmpty();
    assertThat(repo.find("h2")).isEmpty();
  }

  @Test
  void signOutEverywhereAndTouchDropTheUsersEntries() {
    SessionRepository repo = new SessionRepository(store.database(), Duration.ofMinutes(1));
    repo.insert("a1", person("u-1"), "test", now);
    repo.insert("a2", person("u-1"), "test", now);
    repo.insert("b1", person("u-2"), "test", now);
    repo.find("a1");
    repo.find("a2");
    repo.find("b1");
    assertThat(repo.deleteForUser("u-1")).isEqualTo(2);
    assertThat(repo.cached("a1")).isEmpty();
    assertThat(repo.cached("a2")).isEmpty();
    assertThat(repo.cached("b1")).as("another user's session stays").isPresent();

    repo.touch("b1", person("u-2"), now.plusSeconds(90));
    assertThat(repo.cached("b1")).as("re-read after a touch").isEmpty();
    assertThat(repo.find("b1").orElseThrow().lastSeen()).isEqualTo(now.plusSeconds(90));
  }

  @Test
  void aZeroOrExpiredCacheTimeReadsTheStore() {
    SessionRepository off = new SessionRepository(store.database());
    off.insert("h1", person("u-1"), "test", now);
    off.find("h1");
    assertThat(off.cached("h1")).isEmpty();

    SessionRepository brief = new SessionRepository(store.database(), Duration.ofNanos(1));
    brief.find("h1");
    assertThat(brief.cached("h1")).isEmpty();
  }
}
