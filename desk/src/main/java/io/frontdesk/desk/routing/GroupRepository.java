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

/** Resolver groups ({@code desk_groups}) and routing rules ({@code desk_routing_rules}). */
public final class GroupRepository {
  private final MongoCollection<Document> groups;
  private final MongoCollection<Document> rules;

  public GroupRepository(MongoDatabase db) {
    this.groups = db.getCollection("desk_groups");
    this.rules = db.getCollection("desk_routing_rules");
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
  }

  /** Removes a routing rule; false if there was none. */
  public boolean deleteRule(String id) {
    return rules.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
  }

  public List<RoutingRule> rules() {
    return rules
        .find()
        .sort(Sorts.ascending("order"))
        .map(RoutingRule::fromDocument)
        .into(new ArrayList<>());
  }
}
