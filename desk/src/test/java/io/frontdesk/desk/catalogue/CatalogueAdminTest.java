package io.frontdesk.desk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.routing.ResolverGroup;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueAdminTest {
  static final Principal ADMIN =
      new Principal("u-admin", "Ada Admin", "", Set.of(Role.ADMIN), Optional.empty());
  static final Principal AGENT =
      new Principal("u-agent", "Alex Agent", "", Set.of(Role.AGENT), Optional.empty());
  static final Principal STAFF =
      new Principal("u-staff", "Sam Staff", "", Set.of(Role.STAFF), Optional.empty());

  MongoStore store;
  AdminAudit audit;
  GroupRepository groups;
  Catalogue catalogue;
  CatalogueAdmin admin;

  @BeforeEach
  void setUp() {
    store = TestStores.fresh();
    audit = new AdminAudit(store.database(), Clock.systemUTC());
    groups = new GroupRepository(store.database());
    groups.save(new ResolverGroup("euc", "End-user computing", "staff", 2, 50));
    groups.save(new ResolverGroup("security", "Security", "staff", 2, 50));
    catalogue = Catalogue.bundled();
    admin = process(catalogue);
    admin.start();
  }

  CatalogueAdmin process(Catalogue c) {
    return new CatalogueAdmin(
        new CatalogueRepository(store.database()), c, groups, audit, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static CatalogueItem item(String id, List<FormField> fields) {
    return new CatalogueItem(
        id,
        "Request a laptop",
        "A new or replacement laptop.",
        "devices and hardware",
        "staff",
        fields,
        "line-manager",
        null,
        "should-be-ignored",
        "euc",
        "P4",
        false);
  }

  static FormField field(String name, String type, List<String> options) {
    return new FormField(
        name, "What " + name, type, true, 200, options, null, null, null, null, null);
  }

  @Test
  void theFileSeedsAnEmptyStoreOnceAndTheStoreWinsAfterwards() {
    int seeded = new CatalogueRepository(store.database()).all().size();
    assertThat(seeded).isEqualTo(Catalogue.bundled().allItems().size()).isPositive();
    admin.retire(ADMIN, "software-install", true);
    // A restart: a fresh catalogue from the file, then the store.
    Catalogue restarted = Catalogue.bundled();
    process(restarted).start();
    assertThat(restarted.isRetired("software-install")).isTrue();
    assertThat(restarted.items()).extracting(CatalogueItem::id).doesNotContain("software-install");
    assertThat(new CatalogueRepository(store.database()).all()).hasSize(seeded);
  }

  @Test
  void anAddedItemIsOfferedHereAtOnceAndInAnotherProcessAfterItsRefresh() {
    Catalogue other = Catalogue.bundled();
    CatalogueAdmin otherProcess = process(other);
    otherProcess.start();

    CatalogueItem saved =
        admin.save(
            ADMIN,
            item("laptop-request", List.of(field("model", "select", List.of("Small", "Large")))),
            true);
    assertThat(saved.service()).isEqualTo("Devices and hardware");
    assertThat(saved.handler()).as("handlers are code, not an admin's choice").isNull();
    assertThat(catalogue.itemsFor(STAFF)).extracting(CatalogueItem::id).contains("laptop-request");
    assertThat(catalogue.requestable("laptop-request", STAFF).fields()).hasSize(1);

    assertThat(other.item("laptop-request")).isEmpty();
    otherProcess.refresh();
    assertThat(other.requestable("laptop-request", STAFF).name()).isEqualTo("Request a laptop");

    assertThat(audit.of(ADMIN, "laptop-request"))
        .extracting(d -> d.getString("action"))
        .containsExactly("catalogue.item.add");
  }

  @Test
  void editingKeepsTheHandlerAndRetiringHidesTheItemButTicketsStillFindIt() {
    CatalogueItem reset = catalogue.item("password-reset").orElseThrow();
    CatalogueItem renamed =
        new CatalogueItem(
            reset.id(),
            "Reset a forgotten password",
            reset.description(),
            reset.service(),
            reset.audience(),
            reset.fields(),
            "none",
            null,
            null,
            "euc",
            "P3",
            false);
    CatalogueItem saved = admin.save(ADMIN, renamed, false);
    assertThat(saved.handler()).isEqualTo("password-reset");
    assertThat(catalogue.item("password-reset").orElseThrow().name())
        .isEqualTo("Reset a forgotten password");

    admin.retire(ADMIN, "password-reset", true);
    assertThat(catalogue.itemsFor(STAFF))
        .extracting(CatalogueItem::id)
        .doesNotContain("password-reset");
    assertThatThrownBy(() -> catalogue.requestable("password-reset", STAFF))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(catalogue.item("password-reset")).isPresent();
    assertThatThrownBy(() -> admin.retire(ADMIN, "password-reset", true))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    admin.retire(ADMIN, "password-reset", false);
    assertThat(catalogue.requestable("password-reset", STAFF)).isNotNull();
    assertThat(audit.of(ADMIN, "password-reset"))
        .extracting(d -> d.getString("action"))
        .containsExactlyInAnyOrder(
            "catalogue.item.restore", "catalogue.item.retire", "catalogue.item.edit");
  }

  @Test
  void badItemsAreRefusedNamingEveryFieldAndNothingIsStored() {
    CatalogueItem bad =
        new CatalogueItem(
            "Bad Id",
            "",
            "",
            "Gardening",
            "everyone",
            List.of(
                field("reason", "textarea", List.of()),
                field("reason", "colour", List.of()),
                field("size", "select", List.of())),
            "group",
            "nobody",
            null,
            "no-such-group",
            "P9",
            false);
    assertThatThrownBy(() -> admin.save(ADMIN, bad, true))
        .isInstanceOfSatisfying(
            FieldErrors.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.fields())
                  .containsOnlyKeys(
                      "id",
                      "name",
                      "service",
                      "audience",
                      "approverGroupId",
                      "groupId",
                      "priority",
                      "fields");
              assertThat(e.fields().get("fields"))
                  .contains("Field 2 (reason): two fields have this name")
                  .contains("Field 2 (reason): the type must be one of")
                  .contains("Field 3 (size): a choice needs 1 to 30 options");
            });
    assertThatThrownBy(() -> admin.save(ADMIN, item("password-reset", List.of()), true))
        .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.fields()).containsKey("id"));
    assertThat(audit.recent(ADMIN, 10)).isEmpty();
  }

  @Test
  void onlyAdminsChangeTheCatalogue() {
    for (Principal p : List.of(AGENT, STAFF)) {
      assertThatThrownBy(() -> admin.save(p, item("laptop-request", List.of()), true))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThatThrownBy(() -> admin.retire(p, "password-reset", true))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
    assertThat(catalogue.item("laptop-request")).isEmpty();
  }
}
