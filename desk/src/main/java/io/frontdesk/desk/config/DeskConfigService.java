package io.frontdesk.desk.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.routing.RoutingRule;
import io.frontdesk.desk.sla.BusinessCalendar;
import io.frontdesk.desk.sla.SlaPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The desk settings an administrator changes while the server runs: the business calendar, the SLA
 * policy, resolver groups and routing rules. Stored in MongoDB ({@code desk_config}, {@code
 * desk_groups}, {@code desk_routing_rules}), so every server process sees a change: routing reads
 * the rules on each ticket, and the calendar and policy are re-read at most every {@code
 * refreshMillis}. A changed policy applies to tickets logged afterwards (each ticket keeps the
 * targets it was logged with); a changed calendar applies to every running clock from its next
 * check. Reads are for agents, managers and admins; writes for admins, and every write is recorded
 * in the admin audit trail ({@link AdminAudit}), whether it came through the JSON API or the admin
 * pages. Blocking.
 */
public final class DeskConfigService {
  public static final String COLLECTION = "desk_config";
  private static final Set<String> DESKS = Set.of("staff", "schools");

  private final MongoCollection<Document> config;
  private final GroupRepository groups;
  private final Catalogue catalogue;
  private final Clock clock;
  private final long refreshMillis;
  private final BusinessCalendar defaultCalendar;
  private final SlaPolicy defaultPolicy;
  private final AdminAudit audit;
  private volatile Cached<BusinessCalendar> calendar;
  private volatile Cached<SlaPolicy> policy;

  private record Cached<T>(T value, long readAt) {}

  public DeskConfigService(
      MongoDatabase db,
      GroupRepository groups,
      Catalogue catalogue,
      Clock clock,
      long refreshMillis,
      BusinessCalendar defaultCalendar,
      SlaPolicy defaultPolicy,
      AdminAudit audit) {
    this.config = db.getCollection(COLLECTION);
    this.groups = groups;
    this.catalogue = catalogue;
    this.clock = clock;
    this.refreshMillis = refreshMillis;
    this.defaultCalendar = defaultCalendar;
    this.defaultPolicy = defaultPolicy;
    this.audit = audit;
  }

  /** The current calendar (for {@link io.frontdesk.desk.sla.SlaClock}'s supplier). */
  public BusinessCalendar calendar() {
    Cached<BusinessCalendar> c = calendar;
    if (c == null || stale(c.readAt())) {
      Document d = config.find(Filters.eq("_id", "calendar")).first();
      c =
          new Cached<>(
              d == null ? defaultCalendar : ConfigDocuments.calendar(d), System.nanoTime());
      calendar = c;
    }
    return c.value();
  }

  /** The current SLA policy (for {@link io.frontdesk.desk.sla.SlaClock}'s supplier). */
  public SlaPolicy policy() {
    Cached<SlaPolicy> p = policy;
    if (p == null || stale(p.readAt())) {
      Document d = config.find(Filters.eq("_id", "sla-policy")).first();
      p = new Cached<>(d == null ? defaultPolicy : ConfigDocuments.policy(d), System.nanoTime());
      policy = p;
    }
    return p.value();
  }

  private boolean stale(long readAtNanos) {
    return System.nanoTime() - readAtNanos > refreshMillis * 1_000_000L;
  }

  public Document getCalendar(Principal p) {
    requireReader(p);
    return ConfigDocuments.calendar(calendar());
  }

  public Document putCalendar(Principal p, Document body) {
    requireAdmin(p);
    BusinessCalendar c = ConfigDocuments.calendar(body);
    BusinessCalendar before = calendar();
    store("calendar", ConfigDocuments.calendar(c), p);
    calendar = new Cached<>(c, System.nanoTime());
    audit.record(p, "calendar.save", "calendar", ConfigAuditText.calendar(before, c));
    return ConfigDocuments.calendar(c);
  }

  public Document getPolicy(Principal p) {
    requireReader(p);
    return ConfigDocuments.policy(policy());
  }

  public Document putPolicy(Principal p, Document body) {
    requireAdmin(p);
    SlaPolicy sp = ConfigDocuments.policy(body);
    for (String service : sp.byService().keySet()) {
      if (catalogue.service(service).isEmpty()) {
        throw ApiException.badRequest(
            "byService names '" + service + "', which is not a service in the catalogue");
      }
    }
    store("sla-policy", ConfigDocuments.policy(sp), p);
    policy = new Cached<>(sp, System.nanoTime());
    audit.record(p, "sla-policy.save", "sla-policy", ConfigDocuments.policy(sp).toJson());
    return ConfigDocuments.policy(sp);
  }

  private void store(String id, Document value, Principal by) {
    Document d =
        new Document(value)
            .append("_id", id)
            .append("updatedBy", by.id())
            .append("updatedAt", Date.from(clock.instant()));
    config.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
  }

  public List<ResolverGroup> groups(Principal p) {
    requireReader(p);
    return groups.all();
  }

  /** Creates or replaces a resolver group. Groups are never deleted: tickets keep their ids. */
  public ResolverGroup putGroup(Principal p, String id, Document body) {
    requireAdmin(p);
    checkId("group id", id);
    String name = ConfigDocuments.string(body, "name");
    if (name.length() > 100) {
      throw ApiException.badRequest("name must be 100 characters or fewer");
    }
    ResolverGroup g =
        new ResolverGroup(
            id,
            name,
            desk(body),
            whole(body, "level", 1, 1, 3),
            whole(body, "capacity", 50, 1, 100_000));
    groups.save(g);
    audit.record(
        p,
        "group.save",
        g.id(),
        g.name() + ", desk " + g.desk() + ", level " + g.level() + ", capacity " + g.capacity());
    return g;
  }

  public List<RoutingRule> rules(Principal p) {
    requireReader(p);
    return groups.rules();
  }

  /** Creates or replaces a routing rule; the next ticket is routed by it. */
  public RoutingRule putRule(Principal p, String id, Document body) {
    requireAdmin(p);
    checkId("rule id", id);
    String desk = desk(body);
    String groupId = ConfigDocuments.string(body, "groupId");
    // A group may take tickets from either desk (Security works both), so only its existence
    // counts.
    if (groups.byId(groupId).isEmpty()) {
      throw ApiException.badRequest("groupId names no group: " + groupId);
    }
    List<String> services = new ArrayList<>();
    for (String s : list(body, "services")) {
      services.add(
          catalogue
              .service(s)
              .orElseThrow(
                  () ->
                      ApiException.badRequest("services names '" + s + "', not in the catalogue")));
    }
    RoutingRule r =
        new RoutingRule(
            id,
            whole(body, "order", 100, 0, 100_000),
            desk,
            services,
            list(body, "categories"),
            list(body, "keywords"),
            groupId);
    groups.save(r);
    audit.record(
        p,
        "rule.save",
        r.id(),
        "order "
            + r.order()
            + ", desk "
            + r.desk()
            + ", services "
            + r.services()
            + ", categories "
            + r.categories()
            + ", keywords "
            + r.keywords()
            + " -> "
            + r.groupId());
    return r;
  }

  public boolean deleteRule(Principal p, String id) {
    requireAdmin(p);
    checkId("rule id", id);
    if (!groups.deleteRule(id)) {
      throw ApiException.notFound("There is no routing rule " + id + ".");
    }
    audit.record(p, "rule.delete", id, "deleted");
    return true;
  }

  private static List<String> list(Document body, String key) {
    List<String> l = ConfigDocuments.strings(body, key);
    if (l.size() > 100 || l.stream().anyMatch(s -> s.isBlank() || s.length() > 100)) {
      throw ApiException.badRequest(key + " must hold at most 100 entries of 1 to 100 characters");
    }
    return l.stream().map(String::strip).toList();
  }

  private static String desk(Document body) {
    String desk = ConfigDocuments.string(body, "desk");
    if (!DESKS.contains(desk)) {
      throw ApiException.badRequest("desk must be staff or schools");
    }
    return desk;
  }

  private static int whole(Document body, String key, int def, int min, int max) {
    Object v = body.get(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.intValue() < min
        || n.intValue() > max) {
      throw ApiException.badRequest(key + " must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  private static void checkId(String what, String id) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw ApiException.badRequest(what + " must be kebab-case (a-z, 0-9, -), 1 to 64 characters");
    }
  }

  private static void requireReader(Principal p) {
    if (!p.hasAny(Role.AGENT, Role.MANAGER, Role.ADMIN)) {
      throw ApiException.forbidden("Desk settings are for agents, managers and admins.");
    }
  }

  private static void requireAdmin(Principal p) {
    if (!p.has(Role.ADMIN)) {
      throw ApiException.forbidden("Only an admin can change desk settings.");
    }
  }
}
