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

/** Early Life Support projects in {@code desk_projects}. Blocking. */
public final class ProjectRepository {
  private final MongoCollection<Document> projects;

  public ProjectRepository(MongoDatabase db) {
    this.projects = db.getCollection("desk_projects");
  }

  public void save(ElsProject p) {
    projects.replaceOne(
        Filters.eq("_id", p.id()), p.toDocument(), new ReplaceOptions().upsert(true));
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
    return all().stream().filter(p -> p.inWindow(now)).toList();
  }
}
