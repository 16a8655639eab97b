package io.frontdesk.desk.mi;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.ticket.Channel;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;

/**
 * Records self-service resolutions for the figures: a bot or portal answer the person said helped
 * ("answer"), or an automated fulfilment that finished ("fulfilment"). The knowledge module and the
 * bot call {@link #record}; fulfilment is recorded by the request service.
 */
public final class SelfServiceLog {
  public static final String COLLECTION = "desk_selfservice";
  private final MongoCollection<Document> log;
  private final Clock clock;

  public SelfServiceLog(MongoDatabase db, Clock clock) {
    this.log = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  public void createIndexes() {
    log.createIndex(Indexes.ascending("at"));
    log.createIndex(Indexes.ascending("schoolId", "at"));
  }

  /**
   * @param kind "answer" or "fulfilment"
   * @param subject the article id or the catalogue item id
   */
  public void record(Principal who, String kind, String subject, Channel channel) {
    if (!"answer".equals(kind) && !"fulfilment".equals(kind)) {
      throw ApiException.badRequest("kind must be answer or fulfilment");
    }
    log.insertOne(
        new Document("kind", kind)
            .append("subject", subject)
            .append("userId", who.id())
            .append("schoolId", who.schoolId().orElse(null))
            .append("channel", channel.wire())
            .append("at", Date.from(clock.instant())));
  }

  public MongoCollection<Document> collection() {
    return log;
  }
}
