package io.frontdesk.portal.manager;

import java.util.List;

/**
 * One chart of the managers' dashboard: its server-rendered SVG, the same figures as a table (for
 * screen readers, and for reading exact values), and the CSV download of that table.
 *
 * @param id the chart's name in its CSV link: {@code /manager/csv/{id}}
 * @param headline a one-line summary figure, or null
 * @param svg the chart, with every text escaped (safe to put in the page as it is)
 */
public record Chart(
    String id,
    String title,
    String headline,
    String svg,
    List<String> columns,
    List<List<String>> rows) {

  public Chart {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** The table as CSV (RFC 4180), with spreadsheet formulas defused. */
  public String csv() {
    StringBuilder b = new StringBuilder();
    line(b, columns);
    rows.forEach(r -> line(b, r));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells.get(i)));
    }
    b.append("\r\n");
  }

  /** Quotes a cell if needed; a text cell starting =, +, - or @ gets a leading apostrophe. */
  static String cell(String s) {
    String v = s == null ? "" : s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
