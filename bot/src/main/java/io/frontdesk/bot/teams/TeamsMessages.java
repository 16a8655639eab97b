package io.frontdesk.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import io.frontdesk.bot.conversation.Reply;
import java.util.List;
import java.util.regex.Pattern;

/** Our replies as Bot Framework activities, and Teams' message HTML as plain text. */
final class TeamsMessages {
  static final String ADAPTIVE = "application/vnd.microsoft.card.adaptive";

  private TeamsMessages() {}

  static Activity activity(Reply r) {
    if (r.isCard()) {
      Attachment a = new Attachment();
      a.setContentType(ADAPTIVE);
      // The card as JSON text, written as it is into the activity's JSON: no object tree built
      // from it for the SDK's mapper to walk again.
      a.setContent(new RawValue(r.cardJson()));
      Activity m = MessageFactory.attachment(a);
      m.setSummary(r.text());
      return m;
    }
    Activity m = MessageFactory.text(r.text());
    m.setTextFormat(TextFormatTypes.MARKDOWN);
    return m;
  }

  /**
   * The answer to an Action.Execute: the first card replaces the one clicked (the form with its
   * errors, say); text alone comes back as a message.
   */
  static JsonNode cardActionResponse(List<Reply> replies) {
    ObjectNode r = SdkJson.MAPPER.createObjectNode();
    r.put("statusCode", 200);
    Reply card = replies.stream().filter(Reply::isCard).findFirst().orElse(null);
    if (card != null) {
      r.put("type", ADAPTIVE);
      r.putRawValue("value", new RawValue(card.cardJson()));
    } else {
      r.put("type", "application/vnd.microsoft.activity.message");
      r.put("value", String.join("\n\n", replies.stream().map(Reply::text).toList()));
    }
    return r;
  }

  private static final Pattern MENTION = Pattern.compile("(?s)<at>.*?</at>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Teams sends HTML-ish text (mentions, &nbsp;, line breaks); commands want plain words. */
  static String plainText(String text) {
    String t =
        text.indexOf('<') < 0
            ? text
            : TAG.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ");
    if (t.indexOf('&') >= 0) {
      t = t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    return SPACES.matcher(t).replaceAll(" ").strip();
  }
}
