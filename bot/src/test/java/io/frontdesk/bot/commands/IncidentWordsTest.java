package io.frontdesk.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain words map to ITIL impact and urgency (1 high, 3 low); anything else asks again. */
class IncidentWordsTest {
  @Test
  void impactFromWhoIsAffected() {
    assertThat(IncidentDialogue.impact("Just me")).isEqualTo(3);
    assertThat(IncidentDialogue.impact("only me I think")).isEqualTo(3);
    assertThat(IncidentDialogue.impact("My team or a few people")).isEqualTo(2);
    assertThat(IncidentDialogue.impact("the whole building")).isEqualTo(1);
    assertThat(IncidentDialogue.impact("everyone on the floor")).isEqualTo(1);
    assertThat(IncidentDialogue.impact("purple")).isNull();
  }

  @Test
  void urgencyFromHowMuchItStopsWork() {
    assertThat(IncidentDialogue.urgency("I can't work at all")).isEqualTo(1);
    assertThat(IncidentDialogue.urgency("I can’t work")).isEqualTo(1);
    assertThat(IncidentDialogue.urgency("It's slowing me down")).isEqualTo(2);
    assertThat(IncidentDialogue.urgency("it can wait")).isEqualTo(3);
    assertThat(IncidentDialogue.urgency("no rush")).isEqualTo(3);
    assertThat(IncidentDialogue.urgency("banana")).isNull();
  }
}
