package io.frontdesk.portal.manager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Lays the desk's management figures ({@code MiService.figures} and {@code MiService.trend}) out as
 * the dashboard's charts and tables. It computes nothing new: every number is the desk's.
 */
public final class ManagerCharts {
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.UK).withZone(ZoneOffset.UTC);
  static final List<String> BACKLOG_KEYS =
      List.of("under1Day", "1to3Days", "3to7Days", "7to30Days", "over30Days");
  static final List<String> BACKLOG_LABELS =
      List.of("Under a day", "1 to 3 days", "3 to 7 days", "7 to 30 days", "Over 30 days");

  private ManagerCharts() {}

  public static List<Chart> build(
      Document figures, List<Document> trend, Map<String, String> projectNames) {
    Document volumes = figures.get("volumes", Document.class);
    List<String> steps = trend.stream().map(d -> label(d.getString("from"))).toList();
    List<Chart> out = new ArrayList<>();
    out.add(
        counts(
            "channel", "Tickets by channel", "Channel", volumes.get("byChannel", Document.class)));
    out.add(
        counts(
            "service", "Tickets by service", "Service", volumes.get("byService", Document.class)));

    Document self = figures.get("selfService", Document.class);
    out.add(
        trendChart(
            "self-service",
            "Self-service resolution rate",
            "Resolved without an agent: "
                + pct(self.get("percent"))
                + " ("
                + self.get("helpfulAnswers")
                + " helpful answers and "
                + self.get("automatedFulfilments")
                + " automated fulfilments, against "
                + self.get("ticketsRaised")
                + " tickets raised by people)",
            steps,
            trend,
            "selfServicePercent",
            "Self-service %",
            "%"));

    Document ftf = figures.get("firstTimeFix", Document.class);
    int resolved = ftf.getInteger("incidentsResolved", 0);
    int fixed = ftf.getInteger("fixedFirstTime", 0);
    List<Svg.Bar> ftfBars =
        resolved == 0
            ? List.of()
            : List.of(
                new Svg.Bar("Fixed first time", fixed), new Svg.Bar("Passed on", resolved - fixed));
    out.add(
        new Chart(
            "first-time-fix",
            "First-time fix",
            "Incidents resolved by the first line without reassignment: "
                + pct(ftf.get("percent"))
                + " of "
                + resolved,
            Svg.bars("first-time-fix", "First-time fix", ftfBars, ""),
            List.of("Outcome", "Incidents"),
            List.of(
                List.of("Fixed first time", Integer.toString(fixed)),
                List.of("Passed on", Integer.toString(resolved - fixed)))));

    Document sla = figures.get("slaCompliance", Document.class);
    List<Svg.Bar> slaBars = new ArrayList<>();
    List<List<String>> slaRows = new ArrayList<>();
    for (String prio : new TreeSet<>(sla.keySet())) {
      Document d = sla.get(prio, Document.class);
      Object p = d.get("percent");
      slaBars.add(new Svg.Bar(prio, p instanceof Number n ? n.doubleValue() : 0));
      slaRows.add(
          List.of(prio, str(d.get("resolved")), str(d.get("met")), p == null ? "" : str(p)));
    }
    out.add(
        new Chart(
            "sla",
            "SLA compliance by priority",
            "Resolved tickets that met their resolution target, by priority",
            Svg.bars("sla", "SLA compliance by priority", slaBars, "%"),
            List.of("Priority", "Resolved", "Met SLA", "Percent met"),
            slaRows));

    Document csat = figures.get("csat", Document.class);
    out.add(
        trendChart(
            "csat",
            "Satisfaction (CSAT) trend",
            "Average rating "
                + (csat.get("average") == null ? "none yet" : csat.get("average") + " out of 5")
                + " from "
                + csat.get("responses")
                + " responses",
            steps,
            trend,
            "csatAverage",
            "Average rating",
            ""));

    Document backlog = figures.get("backlogAge", Document.class);
    List<Svg.Bar> ageBars = new ArrayList<>();
    List<List<String>> ageRows = new ArrayList<>();
    for (int i = 0; i < BACKLOG_KEYS.size(); i++) {
      long n = ((Number) backlog.get(BACKLOG_KEYS.get(i), 0)).longValue();
      ageBars.add(new Svg.Bar(BACKLOG_LABELS.get(i), n));
      ageRows.add(List.of(BACKLOG_LABELS.get(i), Long.toString(n)));
    }
    out.add(
        new Chart(
            "backlog",
            "Backlog age",
            "Open tickets now, by age: " + backlog.get("total") + " in all",
            Svg.bars(
                "backlog",
                "Backlog age",
                backlog.get("total") instanceof Number t && t.longValue() > 0 ? ageBars : List.of(),
                ""),
            List.of("Age", "Open tickets"),
            ageRows));

    out.add(els(steps, trend, projectNames));
    return out;
  }

  private static Chart counts(String id, String title, String what, Document counts) {
    List<Svg.Bar> bars = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Object> e : counts.entrySet()) {
      long n = ((Number) e.getValue()).longValue();
      String name = e.getKey() == null || e.getKey().equals("null") ? "Not recorded" : e.getKey();
      bars.add(new Svg.Bar(name, n));
      rows.add(List.of(name, Long.toString(n)));
      total += n;
    }
    return new Chart(
        id,
        title,
        total + " tickets raised",
        Svg.bars(id, title, bars, ""),
        List.of(what, "Tickets"),
        rows);
  }

  private static Chart trendChart(
      String id,
      String title,
      String headline,
      List<String> steps,
      List<Document> trend,
      String field,
      String seriesName,
      String unit) {
    List<Double> values = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Document d : trend) {
      Object v = d.get(field);
      values.add(v instanceof Number n ? n.doubleValue() : null);
      rows.add(List.of(d.getString("from").substring(0, 10), v == null ? "" : str(v)));
    }
    return new Chart(
        id,
        title,
        headline,
        Svg.lines(id, title, steps, List.of(new Svg.Series(seriesName, values)), unit),
        List.of("Period starting", seriesName + (unit.isEmpty() ? "" : " (" + unit + ")")),
        rows);
  }

  private static Chart els(List<String> steps, List<Document> trend, Map<String, String> names) {
    TreeSet<String> projects = new TreeSet<>();
    trend.forEach(d -> projects.addAll(d.get("els", Document.class).keySet()));
    List<Svg.Series> series = new ArrayList<>();
    for (String p : projects) {
      List<Double> vals = new ArrayList<>();
      for (Document d : trend) {
        Object v = d.get("els", Document.class).get(p);
        vals.add(v instanceof Number n ? n.doubleValue() : 0.0);
      }
      series.add(new Svg.Series(names.getOrDefault(p, p), vals));
    }
    List<String> columns = new ArrayList<>(List.of("Period starting"));
    projects.forEach(p -> columns.add(names.getOrDefault(p, p)));
    List<List<String>> rows = new ArrayList<>();
    long total = 0;
    for (Document d : trend) {
      List<String> row = new ArrayList<>(List.of(d.getString("from").substring(0, 10)));
      for (String p : projects) {
        Object v = d.get("els", Document.class).get(p);
        long n = v instanceof Number x ? x.longValue() : 0;
        total += n;
        row.add(Long.toString(n));
      }
      rows.add(row);
    }
    return new Chart(
        "els",
        "Early Life Support trends",
        total
            + " tickets for "
            + projects.size()
            + (projects.size() == 1 ? " project" : " projects"),
        Svg.lines("els", "Early Life Support tickets by project", steps, series, ""),
        columns,
        rows);
  }

  private static String label(String instant) {
    return DAY.format(Instant.parse(instant));
  }

  private static String pct(Object p) {
    return p == null ? "no figures yet" : str(p) + "%";
  }

  private static String str(Object o) {
    return o instanceof Double d ? Svg.number(d) : String.valueOf(o);
  }
}
