package io.frontdesk.knowledge.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query ids sort in the order they were made (so the store appends) and are never repeated. */
class QueryIdsTest {
  @Test
  void idsAreUniqueHexAndSortInTheOrderTheyWereMade() {
    QueryIds ids = new QueryIds();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      made.add(ids.next());
    }
    assertThat(made).allMatch(id -> id.matches("[0-9a-f]{32}"));
    assertThat(new HashSet<>(made)).hasSize(made.size());
    assertThat(made).isSorted();
  }

  @Test
  void theRandomHalfDiffersBetweenConsecutiveIds() {
    QueryIds ids = new QueryIds();
    String a = ids.next();
    String b = ids.next();
    assertThat(a.substring(16)).isNotEqualTo(b.substring(16));
  }
}
