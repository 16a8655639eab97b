package io.frontdesk.bot.commands;

import static io.frontdesk.bot.conversation.Cards.action;

import io.frontdesk.bot.BotServices;
import io.frontdesk.bot.conversation.Cards;
import io.frontdesk.bot.conversation.Reply;
import io.frontdesk.bot.conversation.Turn;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.frontdesk.desk.catalogue.FormField;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Catalogue requests through Adaptive Card forms built from the catalogue's own field definitions.
 * The form's submit is Action.Execute (Universal Actions) with an Action.Submit fallback; both
 * arrive as {@code request.submit}. The desk's validation errors come back in the same card, next
 * to the fields, with what the user typed kept.
 */
public final class CatalogueForms {
  private final BotServices s;

  public CatalogueForms(BotServices services) {
    this.s = services;
  }

  public BotCommand list() {
    return BotCommand.of(
        CommandSpec.of(
            "request",
            "ask for something from the service catalogue (access, software, hardware)",
            "(?:request|order|catalogue|service catalogue|new request|make a request)(?: .*)?",
            "request software"),
        (turn, m) -> {
          List<CatalogueItem> items = s.catalogue().itemsFor(turn.principal().get());
          String said =
              CommandRegistry.normalise(turn.text())
                  .replaceFirst(
                      "^(?:request|order|catalogue|service catalogue|new request|make a request)",
                      "");
          List<CatalogueItem> matching = items.stream().filter(i -> mentions(said, i)).toList();
          if (matching.size() == 1) {
            return Future.succeededFuture(
                List.of(form(matching.get(0), new JsonObject(), Map.of())));
          }
          List<JsonObject> buttons = new ArrayList<>();
          for (CatalogueItem i : items) {
            buttons.add(Cards.submit(i.name(), action("catalogue.form").put("itemId", i.id())));
          }
          return Future.succeededFuture(
              List.of(
                  Reply.card(
                      "What would you like to request?",
                      Cards.card(
                          List.of(Cards.text("What would you like to request?")), buttons))));
        });
  }

  private static boolean mentions(String said, CatalogueItem i) {
    for (String w : (i.id().replace('-', ' ') + " " + i.name().toLowerCase()).split(" ")) {
      if (w.length() > 4 && said.contains(w)) {
        return true;
      }
    }
    return false;
  }

  public List<CardAction> actions() {
    return List.of(
        CardAction.of(
            "catalogue.form",
            (turn, data) -> {
              CatalogueItem item = s.catalogue().requestable(itemId(data), turn.principal().get());
              return Future.succeededFuture(List.of(form(item, new JsonObject(), Map.of())));
            }),
        CardAction.of("request.submit", this::submit));
  }

  private static String itemId(JsonObject data) {
    String id = data.getString("itemId");
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("itemId is required");
    }
    return id;
  }

  private Future<List<Reply>> submit(Turn turn, JsonObject data) {
    CatalogueItem item = s.catalogue().requestable(itemId(data), turn.principal().get());
    JsonObject form = new JsonObject();
    for (FormField f : item.fields()) {
      Object v = data.getValue(f.name());
      if (v != null && !(v instanceof String str && str.isBlank())) {
        form.put(f.name(), coerce(f, v));
      }
    }
    return s.blocking()
        .call(() -> s.requests().submit(turn.principal().get(), item.id(), form, Channel.TEAMS))
        .map(r -> List.of(Reply.text(done(r))))
        .recover(
            e ->
                e instanceof FieldErrors fe
                    ? Future.succeededFuture(List.of(form(item, data, fe.fields())))
                    : Future.failedFuture(e));
  }

  /** Card inputs arrive as strings; the catalogue validates typed values. */
  private static Object coerce(FormField f, Object v) {
    String str = String.valueOf(v);
    return switch (f.type()) {
      case "number" -> {
        try {
          yield Integer.parseInt(str.strip());
        } catch (NumberFormatException e) {
          yield str;
        }
      }
      case "checkbox" -> "true".equalsIgnoreCase(str) || Boolean.TRUE.equals(v);
      default -> str;
    };
  }

  private static String done(CreateResult r) {
    String ref = r.ticket().reference();
    if ("pending".equals(r.ticket().document().getString("approval"))) {
      return "I've raised **"
          + ref
          + "**. It needs approval first; I'll tell you when it's decided.";
    }
    return "I've raised **" + ref + "**. I'll message you here when it changes.";
  }

  /** The form for an item, with earlier values and the desk's error per field, if any. */
  static Reply form(CatalogueItem item, JsonObject values, Map<String, String> errors) {
    List<JsonObject> body = new ArrayList<>();
    body.add(Cards.title(item.name()));
    if (item.description() != null) {
      body.add(Cards.text(item.description()));
    }
    if (!errors.isEmpty()) {
      body.add(Cards.error("Please fix the fields marked below."));
    }
    for (FormField f : item.fields()) {
      body.add(input(f, values.getValue(f.name())));
      if (errors.containsKey(f.name())) {
        body.add(Cards.error(errors.get(f.name())));
      }
    }
    JsonObject data = action("request.submit").put("itemId", item.id());
    return Reply.card(
        item.name() + (errors.isEmpty() ? "" : ": " + String.join("; ", errors.values())),
        Cards.card(body, List.of(Cards.execute("Submit request", data))));
  }

  private static JsonObject input(FormField f, Object value) {
    JsonObject in = new JsonObject().put("id", f.name()).put("label", f.label());
    in.put("isRequired", f.required());
    if (f.required()) {
      in.put("errorMessage", f.label() + " is required");
    }
    switch (f.type()) {
      case "select" -> {
        JsonArray choices = new JsonArray();
        f.options().forEach(o -> choices.add(new JsonObject().put("title", o).put("value", o)));
        in.put("type", "Input.ChoiceSet").put("choices", choices).put("style", "compact");
      }
      case "date" -> in.put("type", "Input.Date");
      case "number" -> {
        in.put("type", "Input.Number");
        if (f.min() != null) {
          in.put("min", f.min());
        }
        if (f.max() != null) {
          in.put("max", f.max());
        }
      }
      case "checkbox" ->
          in.put("type", "Input.Toggle")
              .put("title", f.label())
              .put("valueOn", "true")
              .put("valueOff", "false");
      default -> {
        in.put("type", "Input.Text").put("maxLength", f.maxLength());
        if ("textarea".equals(f.type())) {
          in.put("isMultiline", true);
        }
        if ("email".equals(f.type())) {
          in.put("style", "Email");
        }
        if (f.help() != null) {
          in.put("placeholder", f.help());
        }
      }
    }
    if (value != null) {
      in.put("value", String.valueOf(value));
    }
    return in;
  }
}
