package io.frontdesk.desk.ticket;

import io.frontdesk.desk.routing.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * A derived, in-memory index of the desk's working set (every ticket that is not closed), kept
 * current from the store. Why: the embedded store ignores secondary indexes, so every queue page,
 * tell-us-once lookup and SLA check would scan the whole {@code desk_tickets} collection (1.96 s
 * p99 at 20,000 tickets). MongoDB stays the source of truth: {@link TicketRepository} re-reads a
 * ticket after each write and {@link #apply}s it here; {@link #load} rebuilds the index from the
 * store at start-up, and until it has finished callers fall back to store queries.
 *
 * <p>Only valid while this process is the only writer. That holds for the embedded store (its data
 * directory is locked to one process); with a MongoDB URI the index is off by default and the
 * store's own indexes serve the same queries (see docs/DESK.md).
 */
public final class WorkingSetIndex {
  /** The ticket fields an entry is made from (a projection for the rebuild scan). */
  public static final org.bson.conversions.Bson FIELDS =
      com.mongodb.client.model.Projections.include(
          java.util.stream.Stream.concat(
                  TicketSummary.STORED_FIELDS.stream(),
                  java.util.stream.Stream.of("sla.nextCheckAt", "resolvedAt", "description"))
              .toList());

  /** A page of queue rows and the total that matched. */
  public record RowPage(List<TicketSummary> rows, long total) {}

  /** A page of references and the total that matched. */
  public record RefPage(List<String> refs, long total) {}

  /** An open ticket whose words overlap the given text, with the overlap score. */
  public record Match(String reference, double score) {}

  private static final int STRIPES = 64;
  private final Object[] locks = new Object[STRIPES];
  private final ConcurrentHashMap<String, WorkingSetEntry> byRef = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, GroupQueue> byGroup = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> byRequester = new ConcurrentHashMap<>();
  private final Set<String> majors = ConcurrentHashMap.newKeySet();
  private final WordPostings words = new WordPostings();
  private final Set<String> touchedWhileLoading = ConcurrentHashMap.newKeySet();
  private volatile boolean loading;
  private volatile boolean ready;

  public WorkingSetIndex() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  public boolean ready() {
    return ready;
  }

  public int size() {
    return byRef.size();
  }

  /**
   * Re-reads one ticket and indexes what was read, under a per-ticket lock, so that of two
   * concurrent writers the later read is the one that stays.
   */
  public void refresh(String ref, Function<String, Document> read) {
    synchronized (lock(ref)) {
      if (loading) {
        touchedWhileLoading.add(ref);
      }
      apply(ref, read.apply(ref));
    }
  }

  /** Indexes a ticket just written (the document as stored). */
  public void written(Document d) {
    String ref = d.getString("_id");
    synchronized (lock(ref)) {
      if (loading) {
        touchedWhileLoading.add(ref);
      }
      apply(ref, d);
    }
  }

  /**
   * Rebuilds from a scan of the store's working set. Writes that happen during the scan win over
   * the (possibly older) scanned copies.
   */
  public void load(Iterable<Document> workingSet) {
    loading = true;
    ready = false;
    try {
      for (Document d : workingSet) {
        String ref = d.getString("_id");
        synchronized (lock(ref)) {
          if (!touchedWhileLoading.contains(ref)) {
            apply(ref, d);
          }
        }
      }
      ready = true;
    } finally {
      loading = false;
      touchedWhileLoading.clear();
    }
  }

  private Object lock(String ref) {
    return locks[Math.floorMod(ref.hashCode(), STRIPES)];
  }

  private void apply(String ref, Document d) {
    WorkingSetEntry neu =
        d == null || "closed".equals(d.getString("status")) ? null : WorkingSetEntry.of(d);
    WorkingSetEntry old = neu == null ? byRef.remove(ref) : byRef.put(ref, neu);
    if (old != null) {
      unlink(old);
    }
    if (neu != null) {
      link(neu);
    }
  }

  private void link(WorkingSetEntry e) {
    if (e.groupId() != null) {
      byGroup.computeIfAbsent(e.groupId(), k -> new GroupQueue()).add(e);
    }
    if (e.requesterId() != null && e.open()) {
      byRequester.computeIfAbsent(e.requesterId(), k -> ConcurrentHashMap.newKeySet()).add(e.ref());
    }
    if (e.major() && e.open()) {
      majors.add(e.ref());
    }
    words.add(e);
  }

  private void unlink(WorkingSetEntry e) {
    if (e.groupId() != null) {
      GroupQueue g = byGroup.get(e.groupId());
      if (g != null) {
        g.remove(e);
      }
    }
    if (e.requesterId() != null) {
      Set<String> s = byRequester.get(e.requesterId());
      if (s != null) {
        s.remove(e.ref());
      }
    }
    majors.remove(e.ref());
    words.remove(e);
  }

  /**
   * An agent's queue page, or empty when the index cannot answer it (not loaded yet, or closed
   * tickets were asked for: those are history and live only in the store).
   */
  public Optional<RowPage> queue(QueueQuery q) {
    if (!ready || q.statuses().contains(TicketStatus.CLOSED)) {
      return Optional.empty();
    }
    Set<String> statuses = Set.copyOf(q.statuses().stream().map(TicketStatus::wire).toList());
    Set<String> priorities = Set.copyOf(q.priorities());
    String assignee = "none".equals(q.assigneeId()) ? null : q.assigneeId();
    GroupQueue g = byGroup.get(q.groupId());
    if (g == null) {
      return Optional.of(new RowPage(List.of(), 0));
    }
    Predicate<GroupQueue.Key> wanted =
        k ->
            statuses.contains(k.status())
                && (priorities.isEmpty() || priorities.contains(k.priority()))
                && (q.assigneeId() == null || java.util.Objects.equals(assignee, k.assigneeId()))
                && (q.slaState() == null || q.slaState().equals(k.slaState()));
    // In page order: read only as far as the page's last row.
    int skip = q.page() * q.size();
    List<TicketSummary> rows = new ArrayList<>(q.size());
    for (WorkingSetEntry e : g.inOrder(q.sort())) {
      if (!wanted.test(GroupQueue.Key.of(e))
          || !q.groupId().equals(e.groupId())
          || byRef.get(e.ref()) != e) { // replaced a moment ago: its successor counts instead
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      rows.add(e.row());
      if (rows.size() == q.size()) {
        break;
      }
    }
    return Optional.of(new RowPage(rows, g.count(wanted)));
  }

  /** Open (not resolved) tickets in a group, or empty when not loaded. */
  public Optional<Long> openInGroup(String groupId) {
    if (!ready) {
      return Optional.empty();
    }
    GroupQueue g = byGroup.get(groupId);
    return Optional.of(g == null ? 0 : g.count(k -> !"resolved".equals(k.status())));
  }

  /** A requester's open tickets, newest first, or empty when not loaded. */
  public Optional<RefPage> openOf(String requesterId, int page, int size) {
    if (!ready) {
      return Optional.empty();
    }
    List<WorkingSetEntry> mine = new ArrayList<>();
    for (String ref : byRequester.getOrDefault(requesterId, Set.of())) {
      WorkingSetEntry e = byRef.get(ref);
      if (e != null && e.open() && requesterId.equals(e.requesterId())) {
        mine.add(e);
      }
    }
    mine.sort(order("created"));
    int from = Math.min(mine.size(), page * size);
    int to = Math.min(mine.size(), from + size);
    return Optional.of(
        new RefPage(
            mine.subList(from, to).stream().map(WorkingSetEntry::ref).toList(), mine.size()));
  }

  static Comparator<WorkingSetEntry> order(String sort) {
    Comparator<WorkingSetEntry> byRefAsc = Comparator.comparing(WorkingSetEntry::ref);
    return switch (sort) {
      case "due" -> Comparator.comparingLong(WorkingSetEntry::due).thenComparing(byRefAsc);
      case "created" ->
          Comparator.comparingLong(WorkingSetEntry::created)
              .reversed()
              .thenComparing(byRefAsc.reversed());
      case "oldest" -> Comparator.comparingLong(WorkingSetEntry::created).thenComparing(byRefAsc);
      default ->
          Comparator.comparing(
                  WorkingSetEntry::priority, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(Comparator.comparingLong(WorkingSetEntry::created).reversed())
              .thenComparing(byRefAsc.reversed());
    };
  }

  /** The requester's open tickets of this type (not catalogue requests), best match first. */
  public Optional<List<Match>> similarOpenOf(
      String requesterId, String type, String text, double threshold) {
    if (!ready) {
      return Optional.empty();
    }
    Set<String> words = Words.tokenSet(text);
    List<Match> out = new ArrayList<>();
    for (String ref : byRequester.getOrDefault(requesterId, Set.of())) {
      WorkingSetEntry e = byRef.get(ref);
      if (e != null && e.open() && type.equals(e.type()) && !e.catalogueItem()) {
        double s = overlap(words, e.tokens());
        if (s >= threshold) {
          out.add(new Match(ref, s));
        }
      }
    }
    return Optional.of(sortMatches(out, 50));
  }

  /** Open major incidents on this desk that the text resembles, best first. */
  public Optional<List<Match>> similarMajor(String desk, String text, double threshold) {
    if (!ready) {
      return Optional.empty();
    }
    Set<String> words = Words.tokenSet(text);
    List<Match> out = new ArrayList<>();
    for (String ref : majors) {
      WorkingSetEntry e = byRef.get(ref);
      if (e != null && e.open() && desk.equals(e.desk())) {
        double s = overlap(words, e.tokens());
        if (s >= threshold) {
          out.add(new Match(ref, s));
        }
      }
    }
    return Optional.of(sortMatches(out, 20));
  }

  /**
   * Open tickets on a desk that resemble the text (duplicate spotting for agents), from the word
   * postings: only tickets sharing a word with the text are looked at.
   */
  public Optional<List<Match>> similar(String desk, String text, double threshold, int limit) {
    if (!ready) {
      return Optional.empty();
    }
    Set<String> query = Words.tokenSet(text);
    List<Match> out = new ArrayList<>();
    if (!query.isEmpty()) {
      for (var hit : words.sharing(query).entrySet()) {
        WorkingSetEntry e = hit.getKey();
        if (e.open() && desk.equals(e.desk()) && byRef.get(e.ref()) == e) {
          double s = (double) hit.getValue()[0] / Math.min(query.size(), e.tokens().size());
          if (s >= threshold) {
            out.add(new Match(e.ref(), s));
          }
        }
      }
    }
    return Optional.of(sortMatches(out, limit));
  }

  /** The queue row of a working-set ticket, if it is in the index. */
  public Optional<TicketSummary> row(String ref) {
    WorkingSetEntry e = ready ? byRef.get(ref) : null;
    return e == null ? Optional.empty() : Optional.of(e.row());
  }

  /** Tickets whose SLA needs a check at or before {@code now}, soonest first. */
  public Optional<List<String>> dueForCheck(long now, int limit) {
    if (!ready) {
      return Optional.empty();
    }
    PriorityQueue<WorkingSetEntry> top =
        new PriorityQueue<>(Comparator.comparingLong(WorkingSetEntry::nextCheck).reversed());
    for (WorkingSetEntry e : byRef.values()) {
      if (e.open() && !"pending".equals(e.status()) && e.nextCheck() <= now) {
        top.add(e);
        if (top.size() > limit) {
          top.poll();
        }
      }
    }
    List<WorkingSetEntry> l = new ArrayList<>(top);
    l.sort(Comparator.comparingLong(WorkingSetEntry::nextCheck));
    return Optional.of(l.stream().map(WorkingSetEntry::ref).toList());
  }

  /** Resolved tickets resolved before {@code cutoff}, oldest first (for auto-close). */
  public Optional<List<String>> resolvedBefore(long cutoff, int limit) {
    if (!ready) {
      return Optional.empty();
    }
    PriorityQueue<WorkingSetEntry> top =
        new PriorityQueue<>(Comparator.comparingLong(WorkingSetEntry::resolvedAt).reversed());
    for (WorkingSetEntry e : byRef.values()) {
      if (!e.open() && e.resolvedAt() < cutoff) {
        top.add(e);
        if (top.size() > limit) {
          top.poll();
        }
      }
    }
    List<WorkingSetEntry> l = new ArrayList<>(top);
    l.sort(Comparator.comparingLong(WorkingSetEntry::resolvedAt));
    return Optional.of(l.stream().map(WorkingSetEntry::ref).toList());
  }

  private static List<Match> sortMatches(List<Match> out, int limit) {
    out.sort(
        Comparator.comparingDouble(Match::score)
            .reversed()
            .thenComparing(Match::reference, Comparator.reverseOrder()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  /** The overlap coefficient, as {@link Words#similarity}. */
  static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String w : small) {
      if (large.contains(w)) {
        common++;
      }
    }
    return (double) common / small.size();
  }
}
