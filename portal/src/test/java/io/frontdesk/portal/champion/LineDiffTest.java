package io.frontdesk.portal.champion;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.portal.champion.LineDiff.Kind;
import io.frontdesk.portal.champion.LineDiff.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void keepsCommonLinesAndPairsChangedOnesSideBySide() {
    List<Row> rows = LineDiff.rows("a\nb\nc\nd", "a\nB\nc\nd\ne");
    assertThat(rows)
        .extracting(Row::kind)
        .containsExactly(Kind.SAME, Kind.CHANGED, Kind.SAME, Kind.SAME, Kind.ADDED);
    assertThat(rows.get(1)).isEqualTo(new Row(Kind.CHANGED, 2, "b", 2, "B"));
    assertThat(rows.get(4)).isEqualTo(new Row(Kind.ADDED, 0, "", 5, "e"));
  }

  @Test
  void removedLinesHaveNoRightSideAndEmptyTextsHaveNoRows() {
    List<Row> rows = LineDiff.rows("keep\ngone\nkeep too", "keep\nkeep too");
    assertThat(rows).extracting(Row::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.SAME);
    assertThat(rows.get(1).hasRight()).isFalse();
    assertThat(LineDiff.rows("", "")).isEmpty();
    assertThat(LineDiff.rows(null, "x")).containsExactly(new Row(Kind.ADDED, 0, "", 1, "x"));
  }
}
