package io.frontdesk.desk.csat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.TextGuard;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.desk.ticket.TicketStatus;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Satisfaction (CSAT): one 1-5 rating with an optional comment per ticket, from its requester, once
 * it is resolved or closed. Stored in {@code desk_csat} keyed by the ticket, so a second answer is
 * a 409, not a second vote.
 */
public final class CsatService {
  public static final String COLLECTION = "desk_csat";
  private final MongoCollection<Document> csat;
  private final TicketService tickets;
  private final Clock clock;

  public CsatService(MongoDatabase db, TicketService tickets, Clock clock) {
    this.csat = db.getCollection(COLLECTION);
    this.tickets = tickets;
    this.clock = clock;
  }

  public void createIndexes() {
    csat.createIndex(Indexes.ascending("at"));
    csat.createIndex(Indexes.ascending("schoolId", "at"));
  }

  public Document rate(Principal p, String reference, int rating, String comment, Channel channel) {
    Ticket t = tickets.get(p, reference);
    if (!p.id().equals(t.requester().userId())) {
      throw ApiException.forbidden("Only the person who raised " + t.reference() + " can rate it.");
    }
    if (t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED) {
      throw ApiException.conflict("You can rate " + t.reference() + " once it is resolved.");
    }
    if (rating < 1 || rating > 5) {
      throw ApiException.badRequest("rating must be a whole number from 1 to 5");
    }
    if (comment != null && comment.length() > 2000) {
      throw ApiException.badRequest("comment must be 2000 characters or fewer");
    }
    Document d =
        new Document("_id", t.reference())
            .append("rating", rating)
            .append("comment", TextGuard.scrub(comment == null ? null : comment.strip()))
            .append("userId", p.id())
            .append("schoolId", t.schoolId().orElse(null))
            .append("groupId", t.groupId())
            .append("service", t.service())
            .append("channel", channel.wire())
            .append("at", Date.from(clock.instant()));
    try {
      csat.insertOne(d);
    } catch (MongoWriteException e) {
      throw ApiException.conflict("You have already rated " + t.reference() + ". Thank you.");
    }
    return d;
  }

  public Optional<Document> forTicket(Principal p, String reference) {
    Ticket t = tickets.get(p, reference);
    return Optional.ofNullable(csat.find(Filters.eq("_id", t.reference())).first());
  }

  public MongoCollection<Document> collection() {
    return csat;
  }
}
