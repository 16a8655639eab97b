package io.frontdesk.desk.catalogue;

import io.frontdesk.core.http.ApiException;
import java.util.Map;

/**
 * A 400 with one message per form field, so the bot and the portal can show each error next to its
 * field (the API writes them under "fields").
 */
public final class FieldErrors extends ApiException {
  private final Map<String, String> fields;

  public FieldErrors(Map<String, String> fields) {
    super(400, "Check the form: " + String.join(" ", fields.values()));
    this.fields = Map.copyOf(fields);
  }

  public Map<String, String> fields() {
    return fields;
  }
}
