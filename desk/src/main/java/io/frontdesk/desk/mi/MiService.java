package io.frontdesk.desk.mi;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.csat.CsatService;
import io.frontdesk.desk.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Management information for a period: volumes by channel, service and queue; first-time fix
 * (incidents resolved by level 1 with no reassignment); self-service resolution (helpful answers
 * and automated fulfilments, against tickets raised by people); SLA compliance by priority; backlog
 * age; CSAT; Early Life Support volumes. Managers and admins see the whole desk (optionally one
 * school); a school admin sees only their own school.
 */
public final class MiService {
  /** The most steps a trend may have. */
  public static final int MAX_STEPS = 62;

  private final TicketRepository tickets;
  private final SelfServiceLog selfService;
  private final CsatService csat;
  private final Clock clock;

  public MiService(
      TicketRepository tickets, SelfServiceLog selfService, CsatService csat, Clock clock) {
    this.tickets = tickets;
    this.selfService = selfService;
    this.csat = csat;
    this.clock = clock;
  }

  /** Which school the principal may see figures for (null = the whole desk); 403/404 otherwise. */
  public String scope(Principal p, String schoolId) {
    if (p.hasAny(Role.MANAGER, Role.ADMIN)) {
      return schoolId;
    }
    if (p.has(Role.SCHOOL_ADMIN)) {
      if (schoolId == null || p.schoolId().map(schoolId::equals).orElse(false)) {
        return p.schoolId().orElseThrow();
      }
      throw ApiException.notFound("There is no school " + schoolId + " whose figures you can see.");
    }
    throw ApiException.forbidden("Management information is for managers.");
  }

  public Document figures(Principal p, String schoolId, Instant from, Instant to) {
    String school = scope(p, schoolId);
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("from must be before to");
    }
    Bson period =
        Filters.and(
            Filters.gte("createdAt", Date.from(from)), Filters.lt("createdAt", Date.from(to)));
    Bson inScope = school == null ? period : Filters.and(period, Filters.eq("schoolId", school));
    Map<String, Integer> byChannel = new TreeMap<>();
    Map<String, Integer> byService = new TreeMap<>();
    Map<String, Integer> byQueue = new TreeMap<>();
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byEls = new TreeMap<>();
    int raisedByPeople = 0;
    int incidentsResolved = 0;
    int firstTimeFixed = 0;
    Map<String, int[]> sla = new TreeMap<>();
    for (Document d :
        tickets
            .tickets()
            .find(inScope)
            .projection(
                Projections.include(
                    "channel",
                    "service",
                    "groupId",
                    "type",
                    "elsProjectId",
                    "automated",
                    "status",
                    "resolvedByLevel",
                    "reassignments",
                    "priority",
                    "sla.breachedAtResolution"))) {
      byChannel.merge(d.getString("channel"), 1, Integer::sum);
      byService.merge(d.getString("service"), 1, Integer::sum);
      byQueue.merge(String.valueOf(d.getString("groupId")), 1, Integer::sum);
      byType.merge(d.getString("type"), 1, Integer::sum);
      if (d.getString("elsProjectId") != null) {
        byEls.merge(d.getString("elsProjectId"), 1, Integer::sum);
      }
      if (!d.getBoolean("automated", false)) {
        raisedByPeople++;
      }
      boolean resolved =
          "resolved".equals(d.getString("status")) || "closed".equals(d.getString("status"));
      if (resolved && "incident".equals(d.getString("type"))) {
        incidentsResolved++;
        if (d.getInteger("resolvedByLevel", 1) == 1 && d.getInteger("reassignments", 0) == 0) {
          firstTimeFixed++;
        }
      }
      if (resolved && d.get("sla") instanceof Document s && s.containsKey("breachedAtResolution")) {
        int[] c = sla.computeIfAbsent(d.getString("priority"), k -> new int[2]);
        c[0]++;
        if (!s.getBoolean("breachedAtResolution", false)) {
          c[1]++;
        }
      }
    }
    Bson ssScope = Filters.and(Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to)));
    if (school != null) {
      ssScope = Filters.and(ssScope, Filters.eq("schoolId", school));
    }
    long answers =
        selfService.collection().countDocuments(Filters.and(ssScope, Filters.eq("kind", "answer")));
    long fulfilments =
        selfService
            .collection()
            .countDocuments(Filters.and(ssScope, Filters.eq("kind", "fulfilment")));
    Document slaDoc = new Document();
    sla.forEach(
        (prio, c) ->
            slaDoc.append(
                prio,
                new Document("resolved", c[0])
                    .append("met", c[1])
                    .append("percent", pct(c[1], c[0]))));
    return new Document("from", from.toString())
        .append("to", to.toString())
        .append("schoolId", school)
        .append(
            "volumes",
            new Document("byChannel", new Document(new TreeMap<>(byChannel)))
                .append("byService", new Document(new TreeMap<>(byService)))
                .append("byQueue", new Document(new TreeMap<>(byQueue)))
                .append("byType", new Document(new TreeMap<>(byType))))
        .append(
            "firstTimeFix",
            new Document("incidentsResolved", incidentsResolved)
                .append("fixedFirstTime", firstTimeFixed)
                .append("percent", pct(firstTimeFixed, incidentsResolved)))
        .append(
            "selfService",
            new Document("helpfulAnswers", answers)
                .append("automatedFulfilments", fulfilments)
                .append("ticketsRaised", raisedByPeople)
                .append(
                    "percent", pct(answers + fulfilments, answers + fulfilments + raisedByPeople)))
        .append("slaCompliance", slaDoc)
        .append("backlogAge", backlog(school))
        .append("csat", csat(school, ssScopeCsat(from, to, school)))
        .append("els", new Document(new TreeMap<>(byEls)));
  }

  /**
   * The period cut into steps (a day or a week, say), for the trend charts: per step, the tickets
   * raised, the self-service resolution rate, the CSAT average and the Early Life Support tickets
   * of each project. At most {@link #MAX_STEPS} steps.
   */
  public List<Document> trend(
      Principal p, String schoolId, Instant from, Instant to, Duration step) {
    String school = scope(p, schoolId);
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("from must be before to");
    }
    if (step.isNegative() || step.isZero()) {
      throw ApiException.badRequest("step must be positive");
    }
    if (Duration.between(from, to).dividedBy(step) >= MAX_STEPS) {
      throw ApiException.badRequest("the period is more than " + MAX_STEPS + " steps long");
    }
    // One pass over each collection for the whole period, counted into the step it falls in.
    int n = (int) ((Duration.between(from, to).toMillis() + step.toMillis() - 1) / step.toMillis());
    int[] raised = new int[n];
    int[] byPeople = new int[n];
    long[] selfServed = new long[n];
    long[] ratings = new long[n];
    long[] ratingSum = new long[n];
    List<Map<String, Integer>> els = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      els.add(new TreeMap<>());
    }
    Bson created =
        Filters.and(
            Filters.gte("createdAt", Date.from(from)), Filters.lt("createdAt", Date.from(to)));
    if (school != null) {
      created = Filters.and(created, Filters.eq("schoolId", school));
    }
    for (Document d :
        tickets
            .tickets()
            .find(created)
            .projection(Projections.include("createdAt", "elsProjectId", "automated"))) {
      int i = stepOf(d.getDate("createdAt"), from, step, n);
      raised[i]++;
      if (!d.getBoolean("automated", false)) {
        byPeople[i]++;
      }
      if (d.getString("elsProjectId") != null) {
        els.get(i).merge(d.getString("elsProjectId"), 1, Integer::sum);
      }
    }
    Bson at = ssScopeCsat(from, to, school);
    for (Document d :
        selfService
            .collection()
            .find(Filters.and(at, Filters.in("kind", List.of("answer", "fulfilment"))))
            .projection(Projections.include("at"))) {
      selfServed[stepOf(d.getDate("at"), from, step, n)]++;
    }
    for (Document d : csat.collection().find(at).projection(Projections.include("at", "rating"))) {
      int i = stepOf(d.getDate("at"), from, step, n);
      ratings[i]++;
      ratingSum[i] += d.getInteger("rating", 0);
    }
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant a = from.plus(step.multipliedBy(i));
      Instant b = a.plus(step).isAfter(to) ? to : a.plus(step);
      out.add(
          new Document("from", a.toString())
              .append("to", b.toString())
              .append("tickets", raised[i])
              .append("selfServicePercent", pct(selfServed[i], selfServed[i] + byPeople[i]))
              .append(
                  "csatAverage",
                  ratings[i] == 0 ? null : Math.round(ratingSum[i] * 100.0 / ratings[i]) / 100.0)
              .append("csatResponses", ratings[i])
              .append("els", new Document(new TreeMap<>(els.get(i)))));
    }
    return out;
  }

  private static int stepOf(Date at, Instant from, Duration step, int steps) {
    long i = (at.getTime() - from.toEpochMilli()) / step.toMillis();
    return (int) Math.max(0, Math.min(steps - 1, i));
  }

  private static Bson ssScopeCsat(Instant from, Instant to, String school) {
    Bson f = Filters.and(Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to)));
    return school == null ? f : Filters.and(f, Filters.eq("schoolId", school));
  }

  private Document backlog(String school) {
    Instant now = clock.instant();
    Bson open = Filters.in("status", List.of("new", "assigned", "in_progress", "pending"));
    if (school != null) {
      open = Filters.and(open, Filters.eq("schoolId", school));
    }
    long[] buckets = new long[5];
    for (Document d : tickets.tickets().find(open).projection(Projections.include("createdAt"))) {
      long days = Duration.between(d.getDate("createdAt").toInstant(), now).toDays();
      buckets[days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : days < 30 ? 3 : 4]++;
    }
    return new Document("under1Day", buckets[0])
        .append("1to3Days", buckets[1])
        .append("3to7Days", buckets[2])
        .append("7to30Days", buckets[3])
        .append("over30Days", buckets[4])
        .append("total", buckets[0] + buckets[1] + buckets[2] + buckets[3] + buckets[4]);
  }

  private Document csat(String school, Bson scope) {
    MongoCollection<Document> c = csat.collection();
    long[] dist = new long[6];
    long n = 0;
    long sum = 0;
    for (Document d : c.find(scope)) {
      int r = d.getInteger("rating");
      dist[r]++;
      n++;
      sum += r;
    }
    Document distribution = new Document();
    for (int i = 1; i <= 5; i++) {
      distribution.append(String.valueOf(i), dist[i]);
    }
    return new Document("responses", n)
        .append("average", n == 0 ? null : Math.round(sum * 100.0 / n) / 100.0)
        .append("distribution", distribution);
  }

  private static Double pct(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /** The same figures as CSV: one row per figure, {@code section,key,value}. */
  public static String csv(Document figures) {
    StringBuilder b = new StringBuilder("section,key,value\n");
    flatten("", figures, b);
    return b.toString();
  }

  private static void flatten(String prefix, Document d, StringBuilder b) {
    List<String> keys = new ArrayList<>(d.keySet());
    for (String k : keys) {
      Object v = d.get(k);
      String name = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Document sub) {
        flatten(name, sub, b);
      } else {
        int dot = name.lastIndexOf('.');
        String section = dot < 0 ? "period" : name.substring(0, dot);
        String key = dot < 0 ? name : name.substring(dot + 1);
        b.append(cell(section))
            .append(',')
            .append(cell(key))
            .append(',')
            .append(cell(v == null ? "" : v.toString()))
            .append('\n');
      }
    }
  }

  /** Quotes a CSV cell, and defuses spreadsheet formulas (a cell starting =, +, - or @). */
  static String cell(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
