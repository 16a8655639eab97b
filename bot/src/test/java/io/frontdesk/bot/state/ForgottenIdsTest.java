package io.frontdesk.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every id forgotten within the window is found, no other is, and a slice ages out. */
class ForgottenIdsTest {
  static final long WINDOW = 1_000;
  static final long SLICE = WINDOW / ForgottenIds.SLICES;

  @Test
  void everyForgottenIdIsFoundAndNoOther() {
    ForgottenIds ids = new ForgottenIds(WINDOW);
    assertThat(ids.contains(ids.fingerprint("msteams|c|a0"))).as("nothing forgotten yet").isFalse();
    // Across several slices, and past the first tables' size (they grow).
    for (int i = 0; i < 50_000; i++) {
      ids.add(ids.fingerprint("msteams|a:conversation|" + i), i / 10_000 * SLICE);
    }
    assertThat(ids.size()).isEqualTo(50_000);
    for (int i = 0; i < 50_000; i++) {
      assertThat(ids.contains(ids.fingerprint("msteams|a:conversation|" + i))).isTrue();
    }
    for (int i = 50_000; i < 150_000; i++) {
      assertThat(ids.contains(ids.fingerprint("msteams|a:conversation|" + i)))
          .as("never forgotten: %d", i)
          .isFalse();
    }
  }

  @Test
  void anIdIsKeptForAWindowAfterItsSliceEndsAndThenDropped() {
    ForgottenIds ids = new ForgottenIds(WINDOW);
    ids.add(ids.fingerprint("first"), 0);
    ids.add(
        ids.fingerprint("second"), SLICE); // a new slice: "first" was claimed by now at the latest
    ids.add(ids.fingerprint("third"), SLICE + WINDOW - 1);
    assertThat(ids.contains(ids.fingerprint("first")))
        .as("claimed less than a window ago")
        .isTrue();
    // Slices are dropped when the next one starts: "first"'s slice ended at SLICE.
    ids.add(ids.fingerprint("fourth"), 2 * SLICE + WINDOW);
    assertThat(ids.contains(ids.fingerprint("first")))
        .as("more than a window after its slice ended")
        .isFalse();
    assertThat(ids.contains(ids.fingerprint("second"))).isTrue();
    assertThat(ids.contains(ids.fingerprint("third"))).isTrue();
    assertThat(ids.contains(ids.fingerprint("fourth"))).isTrue();
  }

  @Test
  void fingerprintsDifferPerProcess() {
    // Seeded at random: ids cannot be chosen to collide with another conversation's.
    assertThat(new ForgottenIds(WINDOW).fingerprint("msteams|c|a1"))
        .isNotEqualTo(new ForgottenIds(WINDOW).fingerprint("msteams|c|a1"));
  }
}
