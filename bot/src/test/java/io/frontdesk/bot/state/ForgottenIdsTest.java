package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Never "no" for an id forgotten within the window; rarely "maybe" for another; ages out. */
class ForgottenIdsTest {
  static final long WINDOW = 1_000;

  @Test
  void everyForgottenIdIsFoundAndFewOthersAre() {
    ForgottenIds ids = new ForgottenIds(WINDOW, 20);
    assertThat(ids.mightContain("msteams|c|a0")).as("nothing forgotten yet").isFalse();
    for (int i = 0; i < 20_000; i++) {
      ids.add("msteams|a:conversation|" + i, 0);
    }
    for (int i = 0; i < 20_000; i++) {
      assertThat(ids.mightContain("msteams|a:conversation|" + i)).isTrue();
    }
    int maybe = 0;
    for (int i = 20_000; i < 40_000; i++) {
      maybe += ids.mightContain("msteams|a:conversation|" + i) ? 1 : 0;
    }
    assertThat(maybe).as("false maybes in 20,000 (about 0.2 %% expected)").isLessThan(200);
  }

  @Test
  void anIdIsKeptForAWholeWindowAndThenDropped() {
    ForgottenIds ids = new ForgottenIds(WINDOW, 16);
    ids.add("first", 0);
    ids.add("second", WINDOW); // starts a new generation; "first" is still a window old at most
    assertThat(ids.mightContain("first")).isTrue();
    ids.add("third", 2 * WINDOW); // "first" was claimed before 0: two windows ago
    assertThat(ids.mightContain("first")).isFalse();
    assertThat(ids.mightContain("second")).isTrue();
    assertThat(ids.mightContain("third")).isTrue();
  }
}
