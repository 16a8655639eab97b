package io.frontdesk.desk.els;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Early Life Support projects in {@code desk_projects}. Blocking. Routing asks for the projects in
 * their window on every new ticket; with {@code cacheMillis} above zero the list is kept that long,
 * dropped at once when this repository saves a project, and seen by other processes within {@code
 * cacheMillis}.
 */
public final class ProjectRepository {
  private final MongoCollection<Document> projects;
  private final long cacheNanos;
  private volatile Cached cached;

  private record Cached(List<ElsProject> all, long readAt) {}

  public ProjectRepository(MongoDatabase db) {
    this(db, 0);
  }

  public ProjectRepository(MongoDatabase db, long cacheMillis) {
    this.projects = db.getCollection("desk_projects");
    this.cacheNanos = cacheMillis * 1_000_000L;
  }

  public void save(ElsProject p) {
    projects.replaceOne(
        Filters.eq("_id", p.id()), p.toDocument(), new ReplaceOptions().upsert(true));
    cached = null;
  }

  public Optional<ElsProject> byId(String id) {
    return Optional.ofNullable(projects.find(Filters.eq("_id", id)).first())
        .map(ElsProject::fromDocument);
  }

  public List<ElsProject> all() {
    return projects
        .find()
        .sort(Sorts.ascending("start"))
        .map(ElsProject::fromDocument)
        .into(new ArrayList<>());
  }

  public List<ElsProject> inWindow(Instant now) {
    Cached c = cached;
    if (c == null || System.nanoTime() - c.readAt() >= cacheNanos) {
      c = new Cached(List.copyOf(all()), System.nanoTime());
      if (cacheNanos > 0) {
        cached = c;
      }
    }
    return c.all().stream().filter(p -> p.inWindow(now)).toList();
  }
}
