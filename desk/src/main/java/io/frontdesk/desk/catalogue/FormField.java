package io.frontdesk.desk.catalogue;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One field of a request form.
 *
 * @param type text, textarea, email, select, date, number, checkbox or upn
 * @param options the choices of a select
 * @param pattern a regular expression a text value must match, with {@code patternHint} saying how
 */
public record FormField(
    String name,
    String label,
    String type,
    boolean required,
    int maxLength,
    List<String> options,
    String pattern,
    String patternHint,
    Integer min,
    Integer max,
    String help) {

  public FormField {
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static FormField fromJson(JsonObject j) {
    return new FormField(
        j.getString("name"),
        j.getString("label", j.getString("name")),
        j.getString("type", "text"),
        j.getBoolean("required", false),
        j.getInteger("maxLength", "textarea".equals(j.getString("type")) ? 4000 : 200),
        j.getJsonArray("options") == null
            ? List.of()
            : j.getJsonArray("options").stream().map(Object::toString).toList(),
        j.getString("pattern"),
        j.getString("patternHint"),
        j.getInteger("min"),
        j.getInteger("max"),
        j.getString("help"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("label", label)
        .put("type", type)
        .put("required", required)
        .put("maxLength", maxLength)
        .put("options", options)
        .put("pattern", pattern)
        .put("patternHint", patternHint)
        .put("min", min)
        .put("max", max)
        .put("help", help);
  }
}
