package io.frontdesk.desk.routing;

import org.bson.Document;

/**
 * A queue and the team that works it.
 *
 * @param desk "staff" or "schools"
 * @param level 1 for the service desks, 2 and 3 for resolver teams (feeds first-time fix)
 * @param capacity open tickets the team can carry before it is oversubscribed
 */
public record ResolverGroup(String id, String name, String desk, int level, int capacity) {
  public Document toDocument() {
    return new Document("_id", id)
        .append("name", name)
        .append("desk", desk)
        .append("level", level)
        .append("capacity", capacity);
  }

  public static ResolverGroup fromDocument(Document d) {
    return new ResolverGroup(
        d.getString("_id"),
        d.getString("name"),
        d.getString("desk"),
        d.getInteger("level", 1),
        d.getInteger("capacity", 50));
  }
}
