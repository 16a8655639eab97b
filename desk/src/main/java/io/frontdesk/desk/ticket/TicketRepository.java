package io.frontdesk.desk.ticket;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Tickets ({@code desk_tickets}), their append-only events ({@code desk_events}) and comments
 * ({@code desk_comments}). Blocking. Events are only ever inserted: no method here updates or
 * deletes one.
 */
public final class TicketRepository {
  public static final String TICKETS = "desk_tickets";
  public static final String EVENTS = "desk_events";
  public static final String COMMENTS = "desk_comments";

  private final MongoCollection<Document> tickets;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> comments;
  private final WorkingSetIndex index;

  private final GroupInsert inserts;

  /**
   * With the working-set index (the embedded store, which ignores the {@code ticketId} indexes), a
   * ticket lists the {@code _id}s of its events and comments, so its page reads them by {@code _id}
   * instead of scanning every ticket's events and comments. A ticket stored before these lists
   * existed has none and is read by the scan.
   */
  static final String EVENT_IDS = "eventIds";

  static final String COMMENT_IDS = "commentIds";

  /** Without a working-set index: every query goes to the store (and its indexes). */
  public TicketRepository(MongoDatabase db) {
    this(db, null);
  }

  /**
   * With a working-set index, kept current by every write made through this repository (see {@link
   * WorkingSetIndex} for when that is valid). Call {@link #loadIndex()} once at start-up.
   */
  public TicketRepository(MongoDatabase db, WorkingSetIndex index) {
    this.tickets = db.getCollection(TICKETS);
    this.events = db.getCollection(EVENTS);
    this.comments = db.getCollection(COMMENTS);
    this.index = index;
    this.inserts = new GroupInsert(tickets);
  }

  /** The working-set index, if this repository keeps one. */
  public Optional<WorkingSetIndex> index() {
    return Optional.ofNullable(index);
  }

  /** Rebuilds the working-set index from the store (blocking; a scan of the tickets). */
  public void loadIndex() {
    if (index != null) {
      // Only the indexed fields, in modest batches: the embedded store does not cap a reply at
      // the 16 MB a batch may hold, and a bigger reply is refused by the driver.
      index.load(
          tickets
              .find(Filters.ne("status", TicketStatus.CLOSED.wire()))
              .projection(WorkingSetIndex.FIELDS)
              .batchSize(500));
    }
  }

  /** Re-reads one ticket into the working-set index after a write made outside this class. */
  public void reindex(String reference) {
    if (index != null) {
      index.refresh(reference, this::raw);
    }
  }

  private Document raw(String reference) {
    return tickets.find(Filters.eq("_id", reference)).first();
  }

  /**
   * Open tickets in a group (from the working-set index when loaded, else counted in the store).
   */
  public long openInGroup(String groupId) {
    return index()
        .flatMap(i -> i.openInGroup(groupId))
        .orElseGet(
            () ->
                count(
                    Filters.and(
                        Filters.eq("groupId", groupId),
                        Filters.in("status", TicketService.openWire()))));
  }

  /** Tickets by reference, in the order given; missing ones are left out. */
  public List<Ticket> byReferences(List<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    java.util.Map<String, Document> found = new java.util.HashMap<>();
    for (Document d : tickets.find(Filters.in("_id", references))) {
      found.put(d.getString("_id"), d);
    }
    List<Ticket> out = new ArrayList<>();
    for (String r : references) {
      Document d = found.get(r);
      if (d != null) {
        out.add(new Ticket(d));
      }
    }
    return out;
  }

  /**
   * Idempotent. The queue indexes lead with the equality fields an agent's queue filters on (group,
   * status, assignee) and end with the sort keys, so a page is an index range scan.
   */
  public void createIndexes() {
    tickets.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("groupId", "status", "priority"), Indexes.descending("createdAt")),
        new IndexOptions().name("queue_priority"));
    tickets.createIndex(
        Indexes.ascending("groupId", "status", "sla.resolutionDue"),
        new IndexOptions().name("queue_due"));
    tickets.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("groupId", "assigneeId", "status", "priority"),
            Indexes.descending("createdAt")),
        new IndexOptions().name("queue_assignee"));
    tickets.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("requester.userId", "status"), Indexes.descending("createdAt")),
        new IndexOptions().name("requester"));
    tickets.createIndex(
        Indexes.compoundIndex(Indexes.ascending("schoolId"), Indexes.descending("createdAt")),
        new IndexOptions().name("school"));
    tickets.createIndex(
        Indexes.ascending("elsProjectId", "createdAt"), new IndexOptions().name("els"));
    tickets.createIndex(Indexes.ascending("sla.nextCheckAt"), new IndexOptions().name("sla_next"));
    tickets.createIndex(
        Indexes.ascending("status", "resolvedAt"), new IndexOptions().name("autoclose"));
    tickets.createIndex(Indexes.ascending("parentId"), new IndexOptions().name("parent"));
    tickets.createIndex(Indexes.ascending("problemId"), new IndexOptions().name("problem"));
    tickets.createIndex(
        Indexes.ascending("majorIncident", "status"), new IndexOptions().name("major"));
    tickets.createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("created"));
    events.createIndex(Indexes.ascending("ticketId", "at"));
    comments.createIndex(Indexes.ascending("ticketId", "at"));
  }

  public MongoCollection<Document> tickets() {
    return tickets;
  }

  /**
   * Stores a new ticket; returns once it is acknowledged. Tickets raised at the same moment share
   * one insert command and so one durable commit ({@link GroupInsert}).
   */
  public void insert(Document ticket) {
    if (index != null) {
      ticket.putIfAbsent(EVENT_IDS, new ArrayList<String>());
      ticket.putIfAbsent(COMMENT_IDS, new ArrayList<String>());
    }
    inserts.insert(ticket);
    if (index != null) {
      index.written(ticket);
    }
  }

  /** {inserted tickets, insert commands} so far: how well concurrent creations share writes. */
  public long[] insertBatching() {
    return new long[] {inserts.documents(), inserts.commands()};
  }

  public Optional<Ticket> byReference(String reference) {
    return Optional.ofNullable(tickets.find(Filters.eq("_id", reference)).first()).map(Ticket::new);
  }

  /**
   * Applies the update only if the ticket is still in {@code expected} status; false if not. The
   * store decides, in one update (atomic per document, on MongoDB and on the embedded store): the
   * embedded store finds the ticket through its _id index even with the status in the filter.
   */
  public boolean updateIf(String reference, String expectedStatus, Bson update) {
    Bson filter =
        expectedStatus == null
            ? Filters.eq("_id", reference)
            : Filters.and(Filters.eq("_id", reference), Filters.eq("status", expectedStatus));
    boolean matched = tickets.updateOne(filter, update).getMatchedCount() == 1;
    if (matched) {
      reindex(reference);
    }
    return matched;
  }

  public List<Ticket> find(Bson filter, Bson sort, int skip, int limit) {
    return tickets
        .find(filter)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .map(Ticket::new)
        .into(new ArrayList<>());
  }

  /** Queue rows: only the fields a {@link TicketSummary} holds are read. */
  public List<TicketSummary> summaries(Bson filter, Bson sort, int skip, int limit) {
    return tickets
        .find(filter)
        .projection(TicketSummary.FIELDS)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .map(TicketSummary::of)
        .into(new ArrayList<>());
  }

  public long count(Bson filter) {
    return tickets.countDocuments(filter);
  }

  /** Appends one audit event. Never updated or deleted afterwards. */
  public void event(
      String ticketId,
      String schoolId,
      String actorId,
      String actorName,
      Channel channel,
      String type,
      Document changes,
      Instant at) {
    Document e = eventDocument(ticketId, schoolId, actorId, actorName, channel, type, changes, at);
    e.put("_id", new org.bson.types.ObjectId());
    listId(ticketId, EVENT_IDS, e.get("_id"));
    events.insertOne(e);
  }

  /**
   * Records a new event's or comment's id in its ticket, before the document itself is stored: a
   * crash between the two leaves an id that names nothing (skipped when read), never an event that
   * its ticket does not list.
   */
  private void listId(String ticketId, String list, Object id) {
    if (index != null) {
      // Only a ticket that has its lists gets the id (one stored before they existed is read by
      // the scan). One update: the embedded store finds the ticket through its _id index.
      tickets.updateOne(
          Filters.and(Filters.eq("_id", ticketId), Filters.exists(list)), Updates.push(list, id));
    }
  }

  /**
   * The listed documents of one ticket, oldest first: a query on {@code _id} alone (which the
   * embedded store answers from its index), filtered and sorted here.
   */
  private static List<Document> byIds(
      MongoCollection<Document> c, List<?> ids, String ticketId, boolean publicOnly) {
    List<Document> out = new ArrayList<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Document d : c.find(Filters.in("_id", ids))) {
      if (ticketId.equals(d.getString("ticketId"))
          && (!publicOnly || d.getBoolean("public", false))) {
        out.add(d);
      }
    }
    out.sort(
        java.util.Comparator.comparing(
            d -> d.getDate("at"),
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return out;
  }

  /**
   * The ids a ticket lists ({@link #EVENT_IDS} or {@link #COMMENT_IDS}), or null if it has none.
   */
  private static List<?> ids(Document ticket, String list) {
    return ticket != null && ticket.get(list) instanceof List<?> l ? l : null;
  }

  /**
   * One audit event as stored. A ticket's "created" event is stored inside the ticket itself
   * ({@code createdEvent}, written once with it and never changed), which saves a durable write per
   * new ticket; {@link #events} lists it first.
   */
  public static Document eventDocument(
      String ticketId,
      String schoolId,
      String actorId,
      String actorName,
      Channel channel,
      String type,
      Document changes,
      Instant at) {
    return new Document("ticketId", ticketId)
        .append("schoolId", schoolId)
        .append("at", Date.from(at))
        .append("actorId", actorId)
        .append("actorName", actorName)
        .append("channel", channel.wire())
        .append("type", type)
        .append("changes", changes == null ? new Document() : changes);
  }

  /** The ticket's audit trail, oldest first, including the "created" event kept in the ticket. */
  public List<Document> events(String ticketId) {
    List<Document> out = new ArrayList<>();
    Document t =
        tickets
            .find(Filters.eq("_id", ticketId))
            .projection(com.mongodb.client.model.Projections.include("createdEvent", EVENT_IDS))
            .first();
    if (t != null && t.get("createdEvent") instanceof Document created) {
      out.add(new Document("_id", ticketId + ":created").append("ticketId", ticketId));
      out.get(0).putAll(created);
    }
    List<?> ids = ids(t, EVENT_IDS);
    out.addAll(
        ids == null
            ? events
                .find(Filters.eq("ticketId", ticketId))
                .sort(Sorts.ascending("at"))
                .into(new ArrayList<>())
            : byIds(events, ids, ticketId, false));
    return out;
  }

  public MongoCollection<Document> eventCollection() {
    return events;
  }

  public void comment(Document comment) {
    listId(comment.getString("ticketId"), COMMENT_IDS, comment.get("_id"));
    comments.insertOne(comment);
  }

  public List<Document> comments(String ticketId, boolean includeInternal) {
    if (index != null) {
      List<?> ids =
          ids(
              tickets
                  .find(Filters.eq("_id", ticketId))
                  .projection(com.mongodb.client.model.Projections.include(COMMENT_IDS))
                  .first(),
              COMMENT_IDS);
      if (ids != null) {
        return byIds(comments, ids, ticketId, !includeInternal);
      }
    }
    Bson f = Filters.eq("ticketId", ticketId);
    if (!includeInternal) {
      f = Filters.and(f, Filters.eq("public", true));
    }
    return comments.find(f).sort(Sorts.ascending("at")).into(new ArrayList<>());
  }
}
