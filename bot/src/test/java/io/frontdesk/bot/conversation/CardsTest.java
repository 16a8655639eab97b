package io.frontdesk.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A card assembled from a body encoded once is, to the byte, the card built whole. */
class CardsTest {
  @Test
  void aCardFromAnEncodedBodyIsTheCardBuiltWhole() {
    List<JsonObject> body =
        List.of(
            Cards.title("Reset \"your\" password"),
            Cards.text("**Before you start**"),
            Cards.text("Line one\nline two — ünïcode \\ <b>tags</b> {\"json\": [1]}"));
    List<JsonObject> actions =
        List.of(
            Cards.openUrl("Open in portal", "https://desk.example/kb/reset?x=1&y=2"),
            Cards.submit("That solved it", Cards.action("kb.feedback").put("helpful", true)));
    String assembled = Cards.cardJson(Cards.encodeBody(body), actions);
    assertThat(assembled).isEqualTo(Cards.card(body, actions).encode());
    assertThat(new JsonObject(assembled)).isEqualTo(Cards.card(body, actions));
    assertThat(Cards.cardJson(Cards.encodeBody(List.of()), List.of()))
        .isEqualTo(Cards.card(List.of(), List.of()).encode());
  }

  @Test
  void aReplyWithAnEncodedCardIsACard() {
    Reply r = Reply.encodedCard("summary", "{\"type\":\"AdaptiveCard\"}").recordedAs("line");
    assertThat(r.isCard()).isTrue();
    assertThat(r.cardJson()).isEqualTo("{\"type\":\"AdaptiveCard\"}");
    assertThat(r.transcriptLine()).isEqualTo("line");
    assertThat(Reply.card("s", new JsonObject().put("a", 1)).cardJson()).isEqualTo("{\"a\":1}");
    assertThat(Reply.text("t").isCard()).isFalse();
  }
}
