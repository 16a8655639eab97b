package io.frontdesk.desk.catalogue;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.CatalogueRepository.Stored;
import io.frontdesk.desk.routing.GroupRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admins add, edit and retire request catalogue items while the server runs. The items live in
 * MongoDB ({@link CatalogueRepository}); the catalogue file only seeds an empty store. Each change
 * is validated ({@link CatalogueItemCheck}: a 400 naming every bad field), stored, audited and put
 * into this process's {@link Catalogue} at once; other processes pick it up on their next {@link
 * #refresh()} (deploy runs it every {@code FRONTDESK_DESK_CONFIG_REFRESH_MS}, like the calendar).
 * Blocking.
 */
public final class CatalogueAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogueAdmin.class);

  private final CatalogueRepository repo;
  private final Catalogue catalogue;
  private final CatalogueItemCheck check;
  private final AdminAudit audit;
  private final Clock clock;

  /** The store's version marker when this process last loaded the items; -1 before the first. */
  private volatile long loaded = -1;

  public CatalogueAdmin(
      CatalogueRepository repo,
      Catalogue catalogue,
      GroupRepository groups,
      AdminAudit audit,
      Clock clock) {
    this.repo = repo;
    this.catalogue = catalogue;
    this.check = new CatalogueItemCheck(catalogue, groups);
    this.audit = audit;
    this.clock = clock;
  }

  /** Seeds an empty store with the file's items, then loads the store into the catalogue. */
  public void start() {
    if (repo.isEmpty()) {
      repo.seed(catalogue.allItems(), clock.instant());
    }
    refresh();
  }

  /**
   * Loads the stored items into the catalogue (what other processes changed), unless the store's
   * version marker says nothing changed since the last load. A stored item this catalogue cannot
   * offer (say its service was removed from the file) is skipped with a warning rather than taking
   * the whole catalogue down.
   */
  public synchronized void refresh() {
    // The marker first, then the items: a change made in between is read now and again next time.
    long version = repo.version();
    if (version == loaded) {
      return;
    }
    List<CatalogueItem> items = new ArrayList<>();
    Set<String> retired = new HashSet<>();
    for (Stored s : repo.all()) {
      try {
        catalogue.check(s.item());
      } catch (IllegalArgumentException e) {
        LOG.warn("Catalogue item {} skipped: {}", s.item().id(), e.getMessage());
        continue;
      }
      items.add(s.item());
      if (s.retired()) {
        retired.add(s.item().id());
      }
    }
    catalogue.replace(items, retired);
    loaded = version;
  }

  /**
   * Adds an item ({@code creating}) or changes one. The automated fulfilment handler of an existing
   * item is kept: it is code, not something an admin picks.
   */
  public CatalogueItem save(Principal p, CatalogueItem proposed, boolean creating) {
    requireAdmin(p);
    var existing = proposed.id() == null ? null : repo.byId(proposed.id()).orElse(null);
    if (creating && existing != null) {
      throw new FieldErrors(
          java.util.Map.of(
              "id", "There is already an item " + proposed.id() + "; choose another id."));
    }
    if (!creating && existing == null) {
      throw ApiException.notFound("There is no catalogue item " + proposed.id() + ".");
    }
    CatalogueItem item = check.clean(proposed, existing == null ? null : existing.item().handler());
    Stored s =
        new Stored(
            item,
            existing == null ? repo.nextOrder() : existing.order(),
            existing != null && existing.retired());
    repo.save(s, p.id(), clock.instant());
    audit.record(
        p, creating ? "catalogue.item.add" : "catalogue.item.edit", item.id(), describe(item));
    refresh();
    return item;
  }

  /** Retires an item (no longer offered) or brings it back. */
  public CatalogueItem retire(Principal p, String id, boolean retired) {
    requireAdmin(p);
    Stored s =
        repo.byId(id)
            .orElseThrow(() -> ApiException.notFound("There is no catalogue item " + id + "."));
    if (s.retired() == retired) {
      throw ApiException.conflict(
          s.item().name() + (retired ? " is already retired." : " is not retired."));
    }
    repo.save(new Stored(s.item(), s.order(), retired), p.id(), clock.instant());
    audit.record(
        p, retired ? "catalogue.item.retire" : "catalogue.item.restore", id, s.item().name());
    refresh();
    return s.item();
  }

  static String describe(CatalogueItem i) {
    return i.name()
        + ", service "
        + i.service()
        + ", for "
        + i.audience()
        + ", approval "
        + i.approval()
        + (i.approverGroupId() == null ? "" : " (" + i.approverGroupId() + ")")
        + ", resolver group "
        + i.groupId()
        + ", "
        + i.priority()
        + ", fields "
        + i.fields().stream().map(f -> f.name() + ":" + f.type()).toList();
  }

  private static void requireAdmin(Principal p) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only administrators can change the request catalogue.");
    }
  }
}
