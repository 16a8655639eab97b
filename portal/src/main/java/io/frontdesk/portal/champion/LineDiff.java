package io.frontdesk.portal.champion;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two versions of an article, for the history page: the longest common
 * subsequence of lines, with removed lines on the left and added ones on the right, paired up where
 * a block was changed. Presentation only: it decides nothing about the article.
 */
public final class LineDiff {
  /** Above this many lines a side, the table is shown without matching (quadratic memory). */
  static final int MAX_LINES = 3000;

  public enum Kind {
    SAME,
    CHANGED,
    REMOVED,
    ADDED
  }

  /**
   * One row of the table; a line number is 0 where that side has no line.
   *
   * @param left the old line, or "" when only the new side has one
   */
  public record Row(Kind kind, int leftNo, String left, int rightNo, String right) {
    public boolean hasLeft() {
      return leftNo > 0;
    }

    public boolean hasRight() {
      return rightNo > 0;
    }
  }

  private LineDiff() {}

  public static List<Row> rows(String before, String after) {
    String[] a = lines(before);
    String[] b = lines(after);
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      return unmatched(a, b);
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Row> out = new ArrayList<>();
    List<Integer> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        flush(a, b, removed, added, out);
        out.add(new Row(Kind.SAME, i + 1, a[i], j + 1, b[j]));
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        added.add(j++);
      } else {
        removed.add(i++);
      }
    }
    flush(a, b, removed, added, out);
    return out;
  }

  /** Pairs the pending removed and added lines as changes; the rest stand alone. */
  private static void flush(
      String[] a, String[] b, List<Integer> removed, List<Integer> added, List<Row> out) {
    int n = Math.max(removed.size(), added.size());
    for (int k = 0; k < n; k++) {
      boolean l = k < removed.size();
      boolean r = k < added.size();
      Kind kind = l && r ? Kind.CHANGED : l ? Kind.REMOVED : Kind.ADDED;
      out.add(
          new Row(
              kind,
              l ? removed.get(k) + 1 : 0,
              l ? a[removed.get(k)] : "",
              r ? added.get(k) + 1 : 0,
              r ? b[added.get(k)] : ""));
    }
    removed.clear();
    added.clear();
  }

  private static List<Row> unmatched(String[] a, String[] b) {
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < Math.max(a.length, b.length); k++) {
      boolean l = k < a.length;
      boolean r = k < b.length;
      Kind kind =
          l && r && a[k].equals(b[k])
              ? Kind.SAME
              : l && r ? Kind.CHANGED : l ? Kind.REMOVED : Kind.ADDED;
      out.add(new Row(kind, l ? k + 1 : 0, l ? a[k] : "", r ? k + 1 : 0, r ? b[k] : ""));
    }
    return out;
  }

  private static String[] lines(String s) {
    return s == null || s.isEmpty() ? new String[0] : s.replace("\r\n", "\n").split("\n", -1);
  }
}
