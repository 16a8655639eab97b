package io.frontdesk.desk.ticket;

import io.frontdesk.core.http.ApiException;

/**
 * ITIL impact × urgency → priority. Impact and urgency are 1 (high), 2 (medium) or 3 (low). The
 * matrix is configurable as rows of impact, e.g. the default {@code "1,2,3;2,3,4;3,4,4"}.
 */
public final class PriorityMatrix {
  public static final String DEFAULT = "1,2,3;2,3,4;3,4,4";
  private final int[][] cells = new int[3][3];

  public PriorityMatrix(String spec) {
    String[] rows = spec.trim().split(";");
    if (rows.length != 3) {
      throw new IllegalArgumentException("the priority matrix needs 3 rows separated by ';'");
    }
    for (int i = 0; i < 3; i++) {
      String[] cols = rows[i].trim().split(",");
      if (cols.length != 3) {
        throw new IllegalArgumentException("each priority matrix row needs 3 numbers");
      }
      for (int j = 0; j < 3; j++) {
        int p = Integer.parseInt(cols[j].trim());
        if (p < 1 || p > 4) {
          throw new IllegalArgumentException("priorities run from 1 to 4");
        }
        cells[i][j] = p;
      }
    }
  }

  public static PriorityMatrix defaults() {
    return new PriorityMatrix(DEFAULT);
  }

  /** "P1".."P4". */
  public String priority(int impact, int urgency) {
    check("impact", impact);
    check("urgency", urgency);
    return "P" + cells[impact - 1][urgency - 1];
  }

  private static void check(String name, int v) {
    if (v < 1 || v > 3) {
      throw ApiException.badRequest(name + " must be 1 (high), 2 (medium) or 3 (low)");
    }
  }
}
