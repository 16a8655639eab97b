package io.frontdesk.portal.manager;

import io.frontdesk.portal.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts: horizontal bars and lines. No script, no inline styles (the portal's
 * CSP forbids both); presentation attributes only. Lines differ by dash pattern and marker as well
 * as colour, and bars carry their values, so a chart stays readable printed in black and white.
 * Every label is escaped.
 */
public final class Svg {
  static final int WIDTH = 640;
  private static final int EMPTY_HEIGHT = 36;
  private static final String[] COLOURS = {
    "#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#0b0c0c"
  };
  private static final String[] DASHES = {"", "8 4", "2 4", "12 4 2 4", "4 4", "1 2"};

  /** One bar. */
  public record Bar(String label, double value) {}

  /** One line: a value per x label, null where there is none. */
  public record Series(String name, List<Double> values) {}

  private Svg() {}

  public static String bars(String id, String title, List<Bar> bars, String unit) {
    int row = 30;
    int labelW = 220;
    int barW = WIDTH - labelW - 90;
    int height = Math.max(1, bars.size()) * row + 20;
    if (bars.isEmpty()) {
      return empty(open(id, title, EMPTY_HEIGHT), EMPTY_HEIGHT);
    }
    StringBuilder b = open(id, title, height);
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 10 + i * row;
      int w = max <= 0 ? 0 : (int) Math.round(bar.value() / max * barW);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">%s</text>",
              labelW - 8,
              y + 19,
              Html.escape(shorten(bar.label(), 30))));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#0b0c0c\""
                  + " stroke-width=\"1\"/>",
              labelW,
              y + 4,
              Math.max(w, 1),
              row - 10,
              COLOURS[0]));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#0b0c0c\">%s</text>",
              labelW + Math.max(w, 1) + 6,
              y + 19,
              Html.escape(number(bar.value()) + unit)));
    }
    return b.append("</svg>").toString();
  }

  public static String lines(
      String id, String title, List<String> xLabels, List<Series> series, String unit) {
    int left = 56;
    int right = 20;
    int top = 16;
    int plotH = 200;
    int legendRows = (series.size() + 1) / 2;
    int height = top + plotH + 40 + legendRows * 24 + 8;
    boolean any = series.stream().anyMatch(s -> s.values().stream().anyMatch(v -> v != null));
    if (xLabels.isEmpty() || !any) {
      return empty(open(id, title, EMPTY_HEIGHT), EMPTY_HEIGHT);
    }
    StringBuilder b = open(id, title, height);
    double max =
        series.stream()
            .flatMap(s -> s.values().stream())
            .filter(v -> v != null)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    double top100 = niceMax(max);
    int plotW = WIDTH - left - right;
    int n = xLabels.size();
    // Grid and y labels.
    for (int t = 0; t <= 4; t++) {
      double v = top100 * t / 4;
      int y = top + plotH - (int) Math.round(plotH * t / 4.0);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
                  + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">%s</text>",
              left,
              y,
              left + plotW,
              y,
              left - 6,
              y + 4,
              Html.escape(number(v) + unit)));
    }
    // X labels: at most eight, evenly spread.
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i += every) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">%s</text>",
              x(i, n, left, plotW),
              top + plotH + 18,
              Html.escape(xLabels.get(i))));
    }
    for (int s = 0; s < series.size(); s++) {
      String colour = COLOURS[s % COLOURS.length];
      String dash = DASHES[s % DASHES.length];
      List<Double> vals = series.get(s).values();
      List<String> run = new ArrayList<>();
      for (int i = 0; i <= vals.size(); i++) {
        Double v = i < vals.size() ? vals.get(i) : null;
        if (v == null) {
          polyline(b, run, colour, dash);
          run.clear();
          continue;
        }
        int x = x(i, n, left, plotW);
        int y = top + plotH - (int) Math.round(top100 <= 0 ? 0 : v / top100 * plotH);
        run.add(x + "," + y);
        marker(b, s, x, y, colour);
      }
      int ly = top + plotH + 40 + (s / 2) * 24;
      int lx = left + (s % 2) * (plotW / 2);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>",
              lx,
              ly,
              lx + 36,
              ly,
              colour,
              dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
      marker(b, s, lx + 18, ly, colour);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#0b0c0c\">%s</text>",
              lx + 44,
              ly + 5,
              Html.escape(shorten(series.get(s).name(), 36))));
    }
    return b.append("</svg>").toString();
  }

  private static int x(int i, int n, int left, int plotW) {
    return n == 1 ? left + plotW / 2 : left + (int) Math.round((double) i * plotW / (n - 1));
  }

  private static void polyline(StringBuilder b, List<String> pts, String colour, String dash) {
    if (pts.size() < 2) {
      return;
    }
    b.append("<polyline fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"3\"")
        .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
        .append(" points=\"")
        .append(String.join(" ", pts))
        .append("\"/>");
  }

  /** Circle, square or triangle, by series, so series differ without colour. */
  private static void marker(StringBuilder b, int s, int x, int y, String colour) {
    switch (s % 3) {
      case 0 ->
          b.append(
              String.format(
                  Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", x, y, colour));
      case 1 ->
          b.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"%s\"/>",
                  x - 4,
                  y - 4,
                  colour));
      default ->
          b.append(
              String.format(
                  Locale.ROOT,
                  "<polygon points=\"%d,%d %d,%d %d,%d\" fill=\"%s\"/>",
                  x,
                  y - 5,
                  x - 5,
                  y + 4,
                  x + 5,
                  y + 4,
                  colour));
    }
  }

  private static StringBuilder open(String id, String title, int height) {
    return new StringBuilder(4096)
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fd-chart\" viewBox=\"0 0 %d %d\""
                    + " width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-svg-title\""
                    + " font-family=\"Arial, Helvetica, sans-serif\">"
                    + "<title id=\"%s-svg-title\">%s</title>",
                WIDTH,
                height,
                WIDTH,
                height,
                Html.escape(id),
                Html.escape(id),
                Html.escape(title)));
  }

  private static String empty(StringBuilder b, int height) {
    return b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"16\" fill=\"#0b0c0c\">No data in this"
                    + " period</text></svg>",
                10,
                Math.min(height - 4, 24)))
        .toString();
  }

  /** A round number at or above max, so the axis reads 0, 25, 50, 75, 100 and the like. */
  static double niceMax(double max) {
    if (max <= 0) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(max)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * mag >= max) {
        return f * mag;
      }
    }
    return 10 * mag;
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String shorten(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max - 1) + "…";
  }
}
