package io.frontdesk.portal.champion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserNamesTest {
  @Test
  void idsNamedInAnAuditDetailAreFoundAndReplacedByNames() {
    String detail = "approved by u-chris-walker, written by u-emma-clarke";
    assertThat(UserNames.mentioned(detail)).containsExactly("u-chris-walker", "u-emma-clarke");
    assertThat(
            UserNames.readable(
                detail,
                Map.of("u-chris-walker", "Chris Walker", "u-emma-clarke", "Emma $1 Clarke")))
        .isEqualTo("approved by Chris Walker, written by Emma $1 Clarke");
    assertThat(UserNames.readable("approved by import-42", Map.of()))
        .isEqualTo("approved by import-42");
    assertThat(UserNames.mentioned("")).isEmpty();
    assertThat(UserNames.readable(null, Map.of())).isEmpty();
  }
}
