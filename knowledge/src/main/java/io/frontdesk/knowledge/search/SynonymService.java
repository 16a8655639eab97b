package io.frontdesk.knowledge.search;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.bson.Document;

/**
 * The synonym map in the store ({@code kb_synonyms}), editable by Champions at runtime. The search
 * engine reads the current snapshot on every query; a reload (after an edit here, or every few
 * seconds for edits made by other processes) swaps it. No reindex is needed.
 */
public final class SynonymService {
  public static final String COLLECTION = "kb_synonyms";
  private static final int MAX_PHRASES = 50;
  private static final int MAX_PHRASE = 60;

  private final MongoCollection<Document> coll;
  private final Analyzer analyzer;
  private final Blocking blocking;
  private volatile Synonyms current;

  public SynonymService(MongoDatabase db, Analyzer analyzer, Blocking blocking) {
    this.coll = db.getCollection(COLLECTION);
    this.analyzer = analyzer;
    this.blocking = blocking;
    this.current = Synonyms.none(analyzer);
  }

  /** Seeds the defaults into an empty map, then loads it. Blocking. */
  public void initBlocking() {
    if (coll.countDocuments() == 0) {
      for (Synonyms.Group g : Synonyms.defaults()) {
        coll.replaceOne(
            new Document("_id", g.id()),
            new Document("_id", g.id())
                .append("phrases", g.phrases())
                .append("updatedBy", "system"),
            new ReplaceOptions().upsert(true));
      }
    }
    reloadBlocking();
  }

  public void reloadBlocking() {
    List<Synonyms.Group> groups = new ArrayList<>();
    for (Document d : coll.find().sort(new Document("_id", 1))) {
      groups.add(
          new Synonyms.Group(d.getString("_id"), d.getList("phrases", String.class, List.of())));
    }
    current = new Synonyms(groups, analyzer);
  }

  public Synonyms current() {
    return current;
  }

  public Future<List<Synonyms.Group>> list() {
    return Future.succeededFuture(current.groups());
  }

  /** Creates or replaces a group; effective for the next query. */
  public Future<Synonyms.Group> put(Principal who, Synonyms.Group group) {
    requireCurator(who);
    if (group.id() == null || !group.id().matches("[a-z0-9-]{1,60}")) {
      throw ApiException.badRequest("synonym group id must be 1-60 of a-z, 0-9 and '-'");
    }
    List<String> phrases =
        group.phrases().stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
    if (phrases.size() < 2 || phrases.size() > MAX_PHRASES) {
      throw ApiException.badRequest("a synonym group needs 2 to " + MAX_PHRASES + " phrases");
    }
    if (phrases.stream().anyMatch(p -> p.length() > MAX_PHRASE)) {
      throw ApiException.badRequest("each phrase must be at most " + MAX_PHRASE + " characters");
    }
    Synonyms.Group clean = new Synonyms.Group(group.id(), phrases);
    return blocking.call(
        () -> {
          coll.replaceOne(
              new Document("_id", clean.id()),
              new Document("_id", clean.id())
                  .append("phrases", clean.phrases())
                  .append("updatedBy", who.id())
                  .append("updatedAt", new Date()),
              new ReplaceOptions().upsert(true));
          reloadBlocking();
          return clean;
        });
  }

  public Future<Void> delete(Principal who, String id) {
    requireCurator(who);
    return blocking.call(
        () -> {
          if (coll.deleteOne(new Document("_id", id)).getDeletedCount() == 0) {
            throw ApiException.notFound("No synonym group '" + id + "'.");
          }
          reloadBlocking();
          return null;
        });
  }

  private static void requireCurator(Principal who) {
    if (who == null || !who.hasAny(Role.CHAMPION, Role.ADMIN)) {
      throw ApiException.forbidden("Only Digital Champions and admins can edit synonyms.");
    }
  }
}
