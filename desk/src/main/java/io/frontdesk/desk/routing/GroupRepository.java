package io.frontdesk.desk.routing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Resolver groups ({@code desk_groups}) and routing rules ({@code desk_routing_rules}). Routing
 * reads the rules for every new ticket; with {@code cacheMillis} above zero the list is kept that
 * long (a store query per ticket saved), dropped at once when this repository changes a rule, and
 * seen by other processes within {@code cacheMillis}.
 */
public final class GroupRepository {
  private final MongoCollection<Document> groups;
  private final MongoCollection<Document> rules;
  private final long cacheNanos;
  private volatile Cached cached;

  private record Cached(List<RoutingRule> rules, long readAt) {}

  public GroupRepository(MongoDatabase db) {
    this(db, 0);
  }

  public GroupRepository(MongoDatabase db, long cacheMillis) {
    this.groups = db.getCollection("desk_groups");
    this.rules = db.getCollection("desk_routing_rules");
    this.cacheNanos = cacheMillis * 1_000_000L;
  }

  public void save(ResolverGroup g) {
    groups.replaceOne(Filters.eq("_id", g.id()), g.toDocument(), new ReplaceOptions().upsert(true));
  }

  public Optional<ResolverGroup> byId(String id) {
    return Optional.ofNullable(groups.find(Filters.eq("_id", id)).first())
        .map(ResolverGroup::fromDocument);
  }

  public List<ResolverGroup> all() {
    return groups
        .find()
        .sort(Sorts.ascending("_id"))
        .map(ResolverGroup::fromDocument)
        .into(new ArrayList<>());
  }

  public void save(RoutingRule r) {
    rules.replaceOne(Filters.eq("_id", r.id()), r.toDocument(), new ReplaceOptions().upsert(true));
    cached = null;
  }

  /** Removes a routing rule; false if there was none. */
  public boolean deleteRule(String id) {
    boolean deleted = rules.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    cached = null;
    return deleted;
  }

  public List<RoutingRule> rules() {
    Cached c = cached;
    if (c != null && System.nanoTime() - c.readAt() < cacheNanos) {
      return c.rules();
    }
    List<RoutingRule> fresh = List.copyOf(readRules());
    if (cacheNanos > 0) {
      cached = new Cached(fresh, System.nanoTime());
    }
    return fresh;
  }

  private List<RoutingRule> readRules() {
    return rules
        .find()
        .sort(Sorts.ascending("order"))
        .map(RoutingRule::fromDocument)
        .into(new ArrayList<>());
  }
}
