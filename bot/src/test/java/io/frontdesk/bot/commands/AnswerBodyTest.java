package io.frontdesk.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.knowledge.article.Excerpts;
import io.vertx.core.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An answer card's body is built once per excerpt and is what the card showed before. */
class AnswerBodyTest {
  final KnowledgeAnswers answers = new KnowledgeAnswers(null);

  @Test
  void theBodyShowsTheTitleTheHeadingAndTheExcerptAndIsReused() {
    Excerpts.Excerpt ex =
        new Excerpts.Excerpt("kb-1", "Reset your password", "<i>Steps</i>", "<p>x</p>", "Go to x.");
    KnowledgeAnswers.AnswerBody body = answers.body(ex);
    assertThat(new JsonArray(body.json()))
        .isEqualTo(
            new JsonArray(
                List.of(
                    Cards.title("Reset your password"),
                    Cards.text("**Steps**"),
                    Cards.text("Go to x."))));
    assertThat(body.summary()).isEqualTo("Reset your password\nGo to x.");
    Excerpts.Excerpt same =
        new Excerpts.Excerpt("kb-1", "Reset your password", "<i>Steps</i>", "<p>x</p>", "Go to x.");
    assertThat(answers.body(same)).isSameAs(body);
    Excerpts.Excerpt noHeading = new Excerpts.Excerpt("kb-1", "T", "", "<p>y</p>", "y");
    assertThat(new JsonArray(answers.body(noHeading).json()))
        .isEqualTo(new JsonArray(List.of(Cards.title("T"), Cards.text("y"))));
  }
}
