package io.frontdesk.desk.catalogue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The request catalogue's items in MongoDB ({@code desk_catalogue}): one document per item with its
 * definition in the catalogue file's shape, its place in the list and whether it is retired. Items
 * are never deleted (tickets keep their item ids). Every change also bumps a version marker ({@code
 * desk_config} document {@code catalogue-version}) after the item is written, so a process that
 * reads the marker before the items and finds it unchanged can skip reading them. Blocking.
 */
public final class CatalogueRepository {
  public static final String COLLECTION = "desk_catalogue";

  /** A stored item with its place in the list. */
  public record Stored(CatalogueItem item, int order, boolean retired) {}

  static final String MARKER = "catalogue-version";
  private final MongoCollection<Document> items;
  private final MongoCollection<Document> config;

  public CatalogueRepository(MongoDatabase db) {
    this.items = db.getCollection(COLLECTION);
    this.config = db.getCollection("desk_config");
  }

  /** The version marker: changes whenever an item does (0 before any change). */
  public long version() {
    Document d = config.find(Filters.eq("_id", MARKER)).first();
    return d == null ? 0 : ((Number) d.get("version")).longValue();
  }

  private void bump() {
    config.updateOne(
        Filters.eq("_id", MARKER), Updates.inc("version", 1L), new UpdateOptions().upsert(true));
  }

  public boolean isEmpty() {
    return items.find().limit(1).first() == null;
  }

  /**
   * Stores these items in this order, unless an item of the same id is already stored (so two
   * processes seeding one empty store at once agree, and an admin's later change is never undone).
   */
  public void seed(List<CatalogueItem> list, Instant at) {
    for (int i = 0; i < list.size(); i++) {
      CatalogueItem item = list.get(i);
      items.updateOne(
          Filters.eq("_id", item.id()),
          Updates.setOnInsert(
              new Document("item", Document.parse(item.toJson().encode()))
                  .append("order", (i + 1) * 10)
                  .append("retired", false)
                  .append("updatedBy", "seed")
                  .append("updatedAt", Date.from(at))),
          new UpdateOptions().upsert(true));
    }
    bump();
  }

  /** Every stored item in list order, retired ones included. */
  public List<Stored> all() {
    List<Stored> out = new ArrayList<>();
    for (Document d : items.find().sort(Sorts.ascending("order", "_id"))) {
      out.add(stored(d));
    }
    return out;
  }

  public Optional<Stored> byId(String id) {
    return Optional.ofNullable(items.find(Filters.eq("_id", id)).first())
        .map(CatalogueRepository::stored);
  }

  /** The place after the last item, for a new one. */
  public int nextOrder() {
    Document last = items.find().sort(Sorts.descending("order")).limit(1).first();
    return last == null ? 10 : last.getInteger("order", 0) + 10;
  }

  public void save(Stored s, String by, Instant at) {
    items.replaceOne(
        Filters.eq("_id", s.item().id()),
        new Document("_id", s.item().id())
            .append("item", Document.parse(s.item().toJson().encode()))
            .append("order", s.order())
            .append("retired", s.retired())
            .append("updatedBy", by)
            .append("updatedAt", Date.from(at)),
        new ReplaceOptions().upsert(true));
    bump();
  }

  private static Stored stored(Document d) {
    Document item = d.get("item", Document.class);
    return new Stored(
        CatalogueItem.fromJson(new JsonObject(item.toJson())),
        d.getInteger("order", 0),
        d.getBoolean("retired", false));
  }
}
