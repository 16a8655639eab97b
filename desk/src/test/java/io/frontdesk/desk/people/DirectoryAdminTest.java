package io.frontdesk.desk.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.catalogue.Catalogue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryAdminTest {
  static final Principal ADMIN =
      new Principal("u-admin", "Ada Admin", "", Set.of(Role.ADMIN), Optional.empty());
  static final Principal AGENT =
      new Principal("u-agent", "Alex Agent", "", Set.of(Role.AGENT), Optional.empty());

  MongoStore store;
  SchoolRepository schools;
  UserRepository users;
  DirectoryAdmin admin;

  @BeforeEach
  void setUp() {
    store = TestStores.fresh();
    schools = new SchoolRepository(store.database());
    users = new UserRepository(store.database());
    admin = new DirectoryAdmin(schools, users, Catalogue.bundled());
    schools.save(new School("oak", "Oak Primary", "Silver", List.of("Schools ICT"), 6, 4));
    users.save(UserRepositoryPageTest.user("u-staff", "Sam Staff"));
    users.save(
        new User(
            "u-school",
            "Sue School",
            "sue@oak.sch.uk",
            null,
            null,
            EnumSet.of(Role.SCHOOL_CONTACT),
            "oak",
            null,
            false,
            false,
            List.of(),
            null));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static int status(Runnable r) {
    try {
      r.run();
      return 200;
    } catch (ApiException e) {
      return e.status();
    }
  }

  @Test
  void anAdminChangesASchoolsEntitlementWithCatalogueServicesOnly() {
    School s = admin.saveEntitlement(ADMIN, "oak", "Gold", List.of("Schools ICT", "Printing"), 12);
    assertThat(schools.byId("oak").orElseThrow()).isEqualTo(s);
    assertThat(s.tier()).isEqualTo("Gold");
    assertThat(s.onsiteDaysUsed()).isEqualTo(4);
    assertThat(s.onsiteDaysLeft()).isEqualTo(8);
    assertThat(status(() -> admin.saveEntitlement(ADMIN, "oak", "Gold", List.of("Nope"), 1)))
        .isEqualTo(400);
    assertThat(status(() -> admin.saveEntitlement(ADMIN, "oak", "", List.of(), 1))).isEqualTo(400);
    assertThat(status(() -> admin.saveEntitlement(ADMIN, "elm", "Gold", List.of(), 1)))
        .isEqualTo(404);
    assertThat(status(() -> admin.saveEntitlement(AGENT, "oak", "Gold", List.of(), 1)))
        .isEqualTo(403);
    assertThat(schools.byId("oak").orElseThrow().tier()).isEqualTo("Gold");
  }

  @Test
  void rolesChangeOnlyByAnotherAdminAndSchoolUsersKeepSchoolRoles() {
    User u =
        admin.setRoles(ADMIN, "u-staff", EnumSet.of(Role.STAFF, Role.AGENT), List.of("network"));
    assertThat(users.byId("u-staff").orElseThrow().roles()).containsOnly(Role.STAFF, Role.AGENT);
    assertThat(u.groups()).containsExactly("network");
    assertThat(status(() -> admin.setRoles(ADMIN, "u-admin", Set.of(Role.STAFF), List.of())))
        .isEqualTo(403);
    assertThat(status(() -> admin.setRoles(AGENT, "u-staff", Set.of(Role.ADMIN), List.of())))
        .isEqualTo(403);
    assertThat(status(() -> admin.setRoles(ADMIN, "u-school", Set.of(Role.AGENT), List.of())))
        .isEqualTo(400);
    assertThat(status(() -> admin.setRoles(ADMIN, "u-staff", Set.of(Role.SCHOOL_ADMIN), List.of())))
        .isEqualTo(400);
    assertThat(status(() -> admin.setRoles(ADMIN, "u-staff", Set.of(), List.of()))).isEqualTo(400);
    assertThat(status(() -> admin.setRoles(ADMIN, "u-staff", Set.of(Role.STAFF), List.of("A B"))))
        .isEqualTo(400);
    User promoted = admin.setRoles(ADMIN, "u-school", Set.of(Role.SCHOOL_ADMIN), List.of());
    assertThat(promoted.roles()).containsOnly(Role.SCHOOL_ADMIN);
    assertThat(promoted.schoolId()).isEqualTo("oak");
  }
}
