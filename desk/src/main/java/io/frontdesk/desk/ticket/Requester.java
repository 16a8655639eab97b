package io.frontdesk.desk.ticket;

import io.frontdesk.core.security.Principal;
import org.bson.Document;

/**
 * Who a ticket is for: a user id from a verified principal, plus the school (tenant) for school
 * tickets. The display name is for people reading the ticket, never for access decisions.
 */
public record Requester(String userId, String displayName, String schoolId) {
  public static Requester of(Principal p) {
    return new Requester(p.id(), p.displayName(), p.schoolId().orElse(null));
  }

  public boolean isSchool() {
    return schoolId != null;
  }

  public Document toDocument() {
    return new Document("userId", userId)
        .append("displayName", displayName)
        .append("schoolId", schoolId);
  }

  public static Requester fromDocument(Document d) {
    return new Requester(
        d.getString("userId"), d.getString("displayName"), d.getString("schoolId"));
  }
}
