package io.frontdesk.desk.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import java.time.Clock;
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
  AdminAudit audit;

  @BeforeEach
  void setUp() {
    store = TestStores.fresh();
    schools = new SchoolRepository(store.database());
    users = new UserRepository(store.database());
    audit = new AdminAudit(store.database(), Clock.systemUTC());
    admin = new DirectoryAdmin(schools, users, Catalogue.bundled(), audit);
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

  @Test
  void anAdminAddsASchoolAndItsStaffAndEachAdditionIsAudited() {
    School elm =
        admin.addSchool(ADMIN, "elm-primary", "Elm Primary", "Bronze", List.of("schools ict"), 3);
    assertThat(schools.byId("elm-primary").orElseThrow()).isEqualTo(elm);
    assertThat(elm.covered()).containsExactly("Schools ICT");
    assertThat(elm.onsiteDaysUsed()).isZero();
    assertThat(status(() -> admin.addSchool(ADMIN, "elm-primary", "Elm", "Gold", List.of(), 1)))
        .isEqualTo(400);
    assertThat(status(() -> admin.addSchool(ADMIN, "Elm!", "Elm", "Gold", List.of(), 1)))
        .isEqualTo(400);
    assertThat(status(() -> admin.addSchool(AGENT, "ash", "Ash", "Gold", List.of(), 1)))
        .isEqualTo(403);

    User head =
        admin.addUser(
            ADMIN,
            "Helen Head",
            " Helen@Elm.sch.uk ",
            Set.of(Role.SCHOOL_ADMIN),
            List.of(),
            "elm-primary");
    assertThat(users.byEmail("helen@elm.sch.uk").orElseThrow().id()).isEqualTo(head.id());
    assertThat(head.schoolId()).isEqualTo("elm-primary");
    assertThat(head.passwordHash()).as("the invitation sets the password").isNull();
    User agent =
        admin.addUser(
            ADMIN,
            "Ann Agent",
            "ann@northshire.gov.uk",
            Set.of(Role.STAFF, Role.AGENT),
            List.of("network"),
            "");
    assertThat(agent.upn()).isEqualTo("ann@northshire.gov.uk");
    assertThat(agent.schoolId()).isNull();

    assertThat(
            status(
                () ->
                    admin.addUser(
                        ADMIN,
                        "Dup",
                        "ann@northshire.gov.uk",
                        Set.of(Role.STAFF),
                        List.of(),
                        null)))
        .as("e-mail in use")
        .isEqualTo(400);
    assertThat(
            status(
                () ->
                    admin.addUser(ADMIN, "X", "not-an-email", Set.of(Role.STAFF), List.of(), null)))
        .isEqualTo(400);
    assertThat(
            status(
                () ->
                    admin.addUser(
                        ADMIN, "X", "x@elm.sch.uk", Set.of(Role.AGENT), List.of(), "elm-primary")))
        .as("school staff hold school roles only")
        .isEqualTo(400);
    assertThat(
            status(
                () ->
                    admin.addUser(
                        ADMIN,
                        "X",
                        "x@elm.sch.uk",
                        Set.of(Role.SCHOOL_CONTACT),
                        List.of(),
                        "nowhere")))
        .isEqualTo(400);
    assertThat(
            status(
                () ->
                    admin.addUser(AGENT, "X", "x@elm.sch.uk", Set.of(Role.STAFF), List.of(), null)))
        .isEqualTo(403);

    assertThat(audit.recent(ADMIN, 10))
        .extracting(d -> d.getString("action") + " " + d.getString("target"))
        .containsExactlyInAnyOrder(
            "school.add elm-primary", "user.add " + head.id(), "user.add " + agent.id());
  }
}
