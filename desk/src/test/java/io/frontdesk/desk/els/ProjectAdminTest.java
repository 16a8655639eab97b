package io.frontdesk.desk.els;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.routing.GroupRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectAdminTest {
  static final Principal ADMIN =
      new Principal("u-admin", "Ada Admin", "", Set.of(Role.ADMIN), Optional.empty());
  static final Principal AGENT =
      new Principal("u-agent", "Alex Agent", "", Set.of(Role.AGENT), Optional.empty());
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant END = Instant.parse("2027-01-15T00:00:00Z");

  static int status(Runnable r) {
    try {
      r.run();
      return 200;
    } catch (ApiException e) {
      return e.status();
    }
  }

  @Test
  void anAdminSetsUpAProjectThatMatchesCallsAndBadInputIsRefused() {
    try (MongoStore store = TestStores.fresh()) {
      var db = store.database();
      ProjectRepository projects = new ProjectRepository(db);
      GroupRepository groups = new GroupRepository(db);
      UserRepository users = new UserRepository(db);
      DemoData.seed(users, new SchoolRepository(db), groups, projects, START);
      ProjectAdmin admin =
          new ProjectAdmin(
              projects,
              groups,
              users,
              Catalogue.bundled(),
              new AdminAudit(store.database(), Clock.systemUTC()));

      ElsProject p =
          admin.save(
              ADMIN,
              "payroll",
              "New payroll",
              List.of("Finance systems"),
              List.of("PayNow"),
              List.of("payslip", " "),
              START,
              END,
              "els-financeone",
              "financeone-project",
              "u-oliver-brooks",
              "move");
      assertThat(projects.byId("payroll").orElseThrow()).isEqualTo(p);
      assertThat(p.keywords()).containsExactly("payslip");
      assertThat(p.matches("Email and calendar", "my PayNow payslip is wrong")).isTrue();

      assertThat(
              status(() -> save(admin, ADMIN, List.of(), List.of(), START, END, "els-financeone")))
          .as("matches nothing")
          .isEqualTo(400);
      assertThat(
              status(
                  () ->
                      save(admin, ADMIN, List.of("Nope"), List.of(), START, END, "els-financeone")))
          .isEqualTo(400);
      assertThat(
              status(
                  () -> save(admin, ADMIN, List.of(), List.of("A"), END, START, "els-financeone")))
          .isEqualTo(400);
      assertThat(status(() -> save(admin, ADMIN, List.of(), List.of("A"), START, END, "no-group")))
          .isEqualTo(400);
      assertThat(
              status(
                  () -> save(admin, AGENT, List.of(), List.of("A"), START, END, "els-financeone")))
          .isEqualTo(403);
      assertThat(projects.byId("x")).isEmpty();
    }
  }

  private static void save(
      ProjectAdmin admin,
      Principal who,
      List<String> services,
      List<String> apps,
      Instant start,
      Instant end,
      String group) {
    admin.save(
        who,
        "x",
        "X",
        services,
        apps,
        List.of(),
        start,
        end,
        group,
        "financeone-project",
        "u-oliver-brooks",
        "stay");
  }
}
