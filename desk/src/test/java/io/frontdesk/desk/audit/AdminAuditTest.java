package io.frontdesk.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AdminAuditTest {
  static final Principal ADMIN =
      new Principal("u-admin", "Ada Admin", "", Set.of(Role.ADMIN), Optional.empty());
  static final Principal AGENT =
      new Principal("u-agent", "Alex Agent", "", Set.of(Role.AGENT), Optional.empty());

  @Test
  void recordsWhoChangedWhatNewestFirstAndOnlyAdminsReadIt() {
    try (MongoStore store = TestStores.fresh()) {
      AdminAudit audit =
          new AdminAudit(
              store.database(), Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
      audit.createIndexes();
      audit.record(ADMIN, "group.update", "network", "capacity 25 -> 30");
      AdminAudit later =
          new AdminAudit(
              store.database(), Clock.fixed(Instant.parse("2026-11-30T11:00:00Z"), ZoneOffset.UTC));
      later.record(ADMIN, "calendar.holiday.add", "calendar", "2026-12-24");

      var recent = audit.recent(ADMIN, 10);
      assertThat(recent)
          .extracting(d -> d.getString("action"))
          .containsExactly("calendar.holiday.add", "group.update");
      Document first = recent.get(1);
      assertThat(first.getString("actorId")).isEqualTo("u-admin");
      assertThat(first.getString("actorName")).isEqualTo("Ada Admin");
      assertThat(first.getString("detail")).isEqualTo("capacity 25 -> 30");
      assertThat(audit.of(ADMIN, "network")).hasSize(1);

      assertThatThrownBy(() -> audit.recent(AGENT, 10))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThatThrownBy(() -> audit.of(AGENT, "network")).isInstanceOf(ApiException.class);
    }
  }

  @Test
  void aSecretTypedIntoAFieldIsNotKept() {
    try (MongoStore store = TestStores.fresh()) {
      AdminAudit audit = new AdminAudit(store.database(), Clock.systemUTC());
      audit.record(ADMIN, "user.update", "u-x", "password: Hunter2!Secret");
      String stored = store.database().getCollection(AdminAudit.COLLECTION).find().first().toJson();
      assertThat(stored).doesNotContain("Hunter2!Secret");
    }
  }
}
