package io.frontdesk.desk.els;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.routing.GroupRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and edits Early Life Support projects (admins only): what the project matches (catalogue
 * services, application names, keywords), its window, its ELS and project teams and its owner, each
 * save recorded in the admin audit trail. The window of a running project is also moved by its
 * owner through {@link ElsService#extend}; a closed project stays closed here. Blocking.
 */
public final class ProjectAdmin {
  private final ProjectRepository projects;
  private final GroupRepository groups;
  private final UserRepository users;
  private final Catalogue catalogue;
  private final AdminAudit audit;

  public ProjectAdmin(
      ProjectRepository projects,
      GroupRepository groups,
      UserRepository users,
      Catalogue catalogue,
      AdminAudit audit) {
    this.audit = audit;
    this.projects = projects;
    this.groups = groups;
    this.users = users;
    this.catalogue = catalogue;
  }

  /** Creates or replaces the project with this id; returns it as saved. */
  public ElsProject save(
      Principal p,
      String id,
      String name,
      List<String> services,
      List<String> applications,
      List<String> keywords,
      Instant start,
      Instant end,
      String elsGroupId,
      String projectGroupId,
      String ownerId,
      String afterWindow) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only administrators can set up Early Life Support projects.");
    }
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,59}")) {
      throw ApiException.badRequest("id must be lower case words and hyphens, like financeone");
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw ApiException.badRequest("name is required (up to 100 characters)");
    }
    if (start == null || end == null || !end.isAfter(start)) {
      throw ApiException.badRequest("The window must end after it starts");
    }
    List<String> svc = new ArrayList<>();
    for (String s : services == null ? List.<String>of() : services) {
      svc.add(
          catalogue
              .service(s)
              .orElseThrow(
                  () ->
                      ApiException.badRequest("services names '" + s + "', not in the catalogue")));
    }
    List<String> apps = words("applications", applications);
    List<String> keys = words("keywords", keywords);
    if (svc.isEmpty() && apps.isEmpty() && keys.isEmpty()) {
      throw ApiException.badRequest(
          "Name at least one service, application or keyword, or the project matches no call");
    }
    for (String g : List.of(nz(elsGroupId), nz(projectGroupId))) {
      if (groups.byId(g).isEmpty()) {
        throw ApiException.badRequest("groups must be resolver groups; '" + g + "' is not one");
      }
    }
    if (users.byId(nz(ownerId)).isEmpty()) {
      throw ApiException.badRequest("ownerId names no user: " + ownerId);
    }
    if (!"stay".equals(afterWindow) && !"move".equals(afterWindow)) {
      throw ApiException.badRequest("afterWindow must be stay or move");
    }
    boolean closed = projects.byId(id).map(ElsProject::closed).orElse(false);
    ElsProject saved =
        new ElsProject(
            id,
            n,
            svc,
            apps,
            keys,
            start,
            end,
            elsGroupId,
            projectGroupId,
            ownerId,
            afterWindow,
            closed);
    projects.save(saved);
    audit.record(
        p,
        "els.project.save",
        saved.id(),
        saved.name()
            + ", "
            + start
            + " to "
            + end
            + ", services "
            + saved.services()
            + ", applications "
            + saved.applications()
            + ", keywords "
            + saved.keywords()
            + ", teams "
            + saved.elsGroupId()
            + "/"
            + saved.projectGroupId());
    return saved;
  }

  private static List<String> words(String field, List<String> in) {
    List<String> out =
        (in == null ? List.<String>of() : in)
            .stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (out.size() > 50 || out.stream().anyMatch(s -> s.length() > 60)) {
      throw ApiException.badRequest(field + " must hold at most 50 entries of up to 60 characters");
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
