package io.frontdesk.bot.state;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activity ids already acted on ({@code bot_activities}). Teams redelivers an activity it got no
 * answer to in time; claiming the id makes the second delivery a no-op, even when it reaches
 * another server process. Old ids expire (a TTL index on MongoDB; {@link #prune} on the embedded
 * store, which ignores TTL).
 *
 * <p>A claim is decided in process first (a set of recent ids, so two deliveries racing inside one
 * process cannot both win), then, with a store shared by several processes, by a read of it (ids
 * claimed by another process); the claim itself is written behind, in batches. So another process
 * sees a claim once its batch is written (the write-behind interval, 250 ms by default): far inside
 * the 15 s or more after which Teams redelivers.
 *
 * <p>The in-process set is bounded: past {@link #RECENT_MAX} ids the oldest are forgotten first, on
 * the write-behind worker (after the queued claims are written, so the store knows each one; if a
 * batch failed, nothing is forgotten until the store is back). On the embedded store ({@code
 * shared} false) only this process uses the store, and the process itself is the guard against a
 * redelivery: an id forgotten younger than {@link #RECENT_NANOS} keeps its fingerprint ({@link
 * ForgottenIds}) until it would have aged out anyway, so a claim never reads the store there and
 * {@code ids} needs no index. (With the unique index the embedded store needs for a look-up, its
 * upkeep was a fifth of the bot's CPU and most of its garbage under load: docs/BENCHMARKS.md, "Bot:
 * claims without the store's index (session 17)".) The store's copy serves a restart ({@link
 * #loadRecent}).
 *
 * <p>The set holds each id's seeded 64-bit fingerprint ({@link ForgottenIds#fingerprint}), not the
 * id: an id is a channel, a conversation id of a hundred characters or more and an activity id. At
 * the bound the set took 31.3 MB of heap with the ids and takes 16.7 MB with fingerprints ({@code
 * java bench/IdSetMemory.java}), medium-lived data that young collections under load copied on its
 * way to the old generation (docs/BENCHMARKS.md, "Bot: turns without finalisers").
 */
public final class SeenActivities {
  public static final String COLLECTION = "bot_activities";

  static final String IDS_INDEX = "ids_1";

  /** How long, and up to how many, ids are remembered in process. */
  static final long RECENT_NANOS = 10 * 60 * 1_000_000_000L;

  static final int RECENT_MAX = 100_000;

  /**
   * Bounds on the store calls a claim may wait for, so a stalled store fails a turn (or a batch) in
   * seconds instead of holding a thread on a socket with no deadline. A claim's read is an index
   * look-up; a batch is one insert.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  static final Duration WRITE_TIMEOUT = MongoStore.CALL_TIMEOUT;

  private static final Logger LOG = LoggerFactory.getLogger(SeenActivities.class);

  private final MongoCollection<Document> seen;
  private final MongoCollection<Document> reads;
  private final MongoCollection<Document> writes;
  private final Duration keep;
  private final Clock clock;
  private final WriteBehinds buffers;
  private final WriteBehind<String> claims;
  private final Map<Long, Long> recent = new ConcurrentHashMap<>();

  /**
   * The ids of {@link #recent} in claim order, each once its claim is queued for the store (a
   * sequence number says which were queued before a flush, so only those are ever forgotten).
   */
  private final ConcurrentLinkedQueue<Claimed> order = new ConcurrentLinkedQueue<>();

  private final AtomicLong sequence = new AtomicLong();

  /** An eviction is on its way (on the write-behind worker): at most one runs at a time. */
  private final AtomicBoolean evicting = new AtomicBoolean();

  private final boolean shared;
  private final int recentMax;
  private final long recentNanos;

  /**
   * Ids forgotten while a redelivery of them was still possible (on the embedded store; with a
   * shared store every claim reads the store instead). Added before the id leaves the set.
   */
  private final ForgottenIds forgotten;

  private record Claimed(long fingerprint, long at, long seq) {}

  /** Writes each claim at once and checks the store on every claim (tests and tools). */
  public SeenActivities(MongoDatabase db, Duration keep, Clock clock) {
    this(db, keep, clock, WriteBehinds.direct(), true);
  }

  /**
   * @param shared other server processes use the store too (MongoDB by URI): a claim also reads the
   *     store
   */
  public SeenActivities(
      MongoDatabase db, Duration keep, Clock clock, WriteBehinds buffers, boolean shared) {
    this(db, keep, clock, buffers, shared, RECENT_MAX, RECENT_NANOS);
  }

  /** With a smaller set or window (tests). */
  SeenActivities(
      MongoDatabase db,
      Duration keep,
      Clock clock,
      WriteBehinds buffers,
      boolean shared,
      int recentMax,
      long recentNanos) {
    this.recentMax = recentMax;
    this.recentNanos = recentNanos;
    this.forgotten = new ForgottenIds(recentNanos);
    this.seen = db.getCollection(COLLECTION);
    this.reads = MongoStore.bounded(db, COLLECTION, READ_TIMEOUT);
    this.writes = MongoStore.bounded(db, COLLECTION, WRITE_TIMEOUT);
    this.keep = keep;
    this.clock = clock;
    this.buffers = buffers;
    this.claims = buffers.create("bot_activities", this::write);
    this.shared = shared;
  }

  /**
   * Remembers in process the ids claimed in the last few minutes (before a restart), so a
   * redelivery of one of them is still refused. Blocking.
   */
  public void loadRecent() {
    long now = System.nanoTime();
    Date since = Date.from(clock.instant().minusNanos(recentNanos));
    for (Document d : seen.find(Filters.gte("at", since))) {
      for (String id : d.getList("ids", String.class, List.of())) {
        long f = forgotten.fingerprint(id);
        if (recent.putIfAbsent(f, now) == null) {
          remember(f, now);
        }
      }
    }
  }

  /**
   * With a shared store, {@code ids} has a unique index: a claim reads one id. Unique costs nothing
   * (an id is claimed once) and is also the only kind mongo-java-server honours (it ignores the
   * others, "adding secondary index ... not yet implemented"); an older version's plain index is
   * replaced. On the embedded store no claim reads an id, so there is no {@code ids} index: one
   * left by an older version is dropped, since its upkeep on every batch was the cost (class
   * comment).
   */
  public void createIndexes() {
    if (shared) {
      uniqueIds();
    } else if (hasIdsIndex()) {
      LOG.info(
          "Dropping the index {} of {}: the embedded store never reads it", IDS_INDEX, COLLECTION);
      seen.dropIndex(IDS_INDEX);
    }
    seen.createIndex(
        Indexes.ascending("at"),
        new IndexOptions().expireAfter(keep.toSeconds(), TimeUnit.SECONDS));
  }

  private void uniqueIds() {
    IndexOptions unique = new IndexOptions().unique(true).name(IDS_INDEX);
    try {
      seen.createIndex(Indexes.ascending("ids"), unique);
    } catch (MongoCommandException e) {
      // Same name and keys, other options (an older version's index): replace it.
      LOG.info("Replacing the index {} of {} with a unique one", IDS_INDEX, COLLECTION);
      try {
        seen.dropIndex(IDS_INDEX);
        seen.createIndex(Indexes.ascending("ids"), unique);
      } catch (MongoException again) {
        // Duplicate ids from an older version's race: an index that is not unique still serves
        // MongoDB.
        LOG.warn("Cannot make {}.ids unique ({}): keeping a plain index", COLLECTION, again);
        seen.createIndex(Indexes.ascending("ids"), new IndexOptions().name(IDS_INDEX));
      }
    }
  }

  private boolean hasIdsIndex() {
    for (Document index : seen.listIndexes()) {
      if (IDS_INDEX.equals(index.getString("name"))) {
        return true;
      }
    }
    return false;
  }

  /** True the first time this activity is seen; false for a redelivery. Blocking. */
  public boolean claim(String channelId, String conversationId, String activityId) {
    String id = channelId + "|" + conversationId + "|" + activityId;
    long f = forgotten.fingerprint(id);
    long now = System.nanoTime();
    if (recent.putIfAbsent(f, now) != null) {
      return false;
    }
    boolean fresh;
    try {
      fresh = shared ? reads.find(Filters.eq("ids", id)).first() == null : !forgotten.contains(f);
      if (fresh && !claims.offer(id)) {
        // The buffer is full (the store is slow or down): write this claim now rather than drop
        // it, or a redelivery after the id leaves the in-process set would be acted on twice.
        write(List.of(id));
      }
    } catch (RuntimeException e) {
      // Unknown whether it was seen, or not recorded: not acted on now, and not claimed, so
      // Teams' redelivery (the turn fails) is decided again.
      recent.remove(f, now);
      throw e;
    }
    // Queued (or already in the store): from here on it may be forgotten once flushed.
    remember(f, now);
    if (recent.size() > recentMax) {
      evictSoon();
    }
    return fresh;
  }

  /**
   * Starts an eviction on the write-behind worker unless one is on its way: it waits for the queued
   * claims to be written, which no turn should wait for (a turn thread doing it sat for minutes on
   * a stalled store).
   */
  private void evictSoon() {
    if (evicting.compareAndSet(false, true)) {
      buffers.run(
          () -> {
            try {
              forgetOld(System.nanoTime());
            } finally {
              evicting.set(false);
            }
          });
    }
  }

  /** Waits for the eviction on its way, if any: the worker runs its tasks in order (tests). */
  void awaitEviction() {
    buffers.run(() -> {}).await();
  }

  /** Whether this id was forgotten from the in-process set while still young (tests). */
  boolean forgottenYoung(String id) {
    return forgotten.contains(forgotten.fingerprint(id));
  }

  private void remember(long fingerprint, long at) {
    order.add(new Claimed(fingerprint, at, sequence.incrementAndGet()));
  }

  /**
   * Keeps the in-process set bounded, oldest ids first; the store knows every id it forgets. One
   * eviction at a time ({@link #evictSoon}); turns go on meanwhile (the set is briefly over its
   * bound, which is harmless).
   */
  private void forgetOld(long now) {
    long queuedBefore = sequence.get();
    // Down to nine tenths of the bound: one flush per tenth of it, not one per claim.
    int target = recentMax - Math.max(1, recentMax / 10);
    // Queued claims first: an id forgotten here must already be in the store. If a batch could
    // not be written, forget nothing: the set stays over its bound until the store is back.
    if (!claims.flushAndCheck()) {
      return;
    }
    for (Claimed c = order.peek(); c != null; c = order.peek()) {
      boolean old = now - c.at() > recentNanos;
      if (!old && (recent.size() <= target || c.seq() > queuedBefore)) {
        break;
      }
      order.poll();
      if (!old && !shared) {
        // Before it leaves the set, so a redelivery racing in finds it in one or the other.
        forgotten.add(c.fingerprint(), now);
      }
      recent.remove(c.fingerprint(), c.at());
    }
  }

  /**
   * One document per batch ({@code ids}, the batch's time in {@code at}): a store pays per document
   * (and, with a shared MongoDB, per unique-index entry), so a thousand claims cost one insert, not
   * a thousand.
   */
  private void write(List<String> batch) {
    try {
      writes.insertOne(batchDocument(batch));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // Another process claimed one of these ids too (two deliveries racing on a shared
      // MongoDB): store the others.
      Set<String> stored = new HashSet<>();
      for (Document d :
          writes.find(Filters.in("ids", batch)).projection(Projections.include("ids"))) {
        stored.addAll(d.getList("ids", String.class, List.of()));
      }
      List<String> rest = batch.stream().filter(id -> !stored.contains(id)).toList();
      if (!rest.isEmpty()) {
        writes.insertOne(batchDocument(rest));
      }
    }
  }

  private Document batchDocument(List<String> ids) {
    return new Document("_id", UUID.randomUUID().toString())
        .append("at", Date.from(clock.instant()))
        .append("ids", List.copyOf(ids));
  }

  /** Deletes ids older than the retention; returns how many. */
  public long prune() {
    return seen.deleteMany(Filters.lt("at", Date.from(clock.instant().minus(keep))))
        .getDeletedCount();
  }
}
