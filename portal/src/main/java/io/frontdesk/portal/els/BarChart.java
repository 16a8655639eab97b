package io.frontdesk.portal.els;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart laid out on the server, for an inline SVG: bars, a few y-axis ticks and sparse x-axis
 * labels. The page pairs it with a data table, so the SVG is a picture of the table ({@code
 * role="img"} with a title) and prints as it shows.
 */
public record BarChart(
    String title, int width, int height, List<Bar> bars, List<Tick> ticks, int max) {
  static final int LEFT = 40;
  static final int BOTTOM = 40;
  static final int TOP = 10;

  /** One bar; {@code label} is shown under it only when {@code showLabel}. */
  public record Bar(String label, int value, int x, int y, int w, int h, boolean showLabel) {
    public int labelX() {
      return x + w / 2;
    }
  }

  public record Tick(int value, int y) {}

  /** Lays out the values in order (keys are the x labels). */
  public static BarChart of(String title, Map<String, Integer> values, int width, int height) {
    int n = Math.max(1, values.size());
    int max = Math.max(1, values.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    int top = niceTop(max);
    int plotW = width - LEFT - 10;
    int plotH = height - TOP - BOTTOM;
    int slot = Math.max(1, plotW / n);
    int barW = Math.max(1, slot * 7 / 10);
    int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
    List<Bar> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      int h = (int) Math.round((double) e.getValue() * plotH / top);
      int x = LEFT + i * slot + (slot - barW) / 2;
      bars.add(new Bar(e.getKey(), e.getValue(), x, TOP + plotH - h, barW, h, i % labelEvery == 0));
      i++;
    }
    List<Tick> ticks = new ArrayList<>();
    int step = Math.max(1, top / 4);
    for (int v = 0; v <= top; v += step) {
      ticks.add(new Tick(v, TOP + plotH - (int) Math.round((double) v * plotH / top)));
    }
    return new BarChart(title, width, height, bars, ticks, top);
  }

  /** The axis top: the maximum rounded up to a multiple of 4 (so four even ticks), at least 4. */
  static int niceTop(int max) {
    return Math.max(4, ((max + 3) / 4) * 4);
  }

  public int axisY() {
    return height - BOTTOM;
  }

  public int left() {
    return LEFT;
  }

  public int labelY() {
    return height - BOTTOM + 16;
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
