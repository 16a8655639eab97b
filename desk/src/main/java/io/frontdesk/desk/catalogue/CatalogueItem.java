package io.frontdesk.desk.catalogue;

import io.frontdesk.core.security.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A requestable item, defined in configuration.
 *
 * @param audience who may request it: staff, schools or both
 * @param approval none, line-manager or group
 * @param approverGroupId the named group that approves when {@code approval} is "group"
 * @param handler an automated fulfilment handler id (e.g. "password-reset"), or null
 * @param groupId the resolver group that fulfils it when there is no handler (or it fails)
 * @param priority the SLA priority the request is measured against
 * @param onsiteVisit books one of the school's on-site engineer days
 */
public record CatalogueItem(
    String id,
    String name,
    String description,
    String service,
    String audience,
    List<FormField> fields,
    String approval,
    String approverGroupId,
    String handler,
    String groupId,
    String priority,
    boolean onsiteVisit) {

  public CatalogueItem {
    fields = List.copyOf(fields);
  }

  public boolean availableTo(Principal p) {
    return switch (audience) {
      case "both" -> true;
      case "schools" -> p.isSchoolUser();
      default -> !p.isSchoolUser();
    };
  }

  public static CatalogueItem fromJson(JsonObject j) {
    JsonObject approval = j.getJsonObject("approval", new JsonObject().put("type", "none"));
    JsonObject fulfilment = j.getJsonObject("fulfilment", new JsonObject());
    return new CatalogueItem(
        j.getString("id"),
        j.getString("name"),
        j.getString("description", ""),
        j.getString("service"),
        j.getString("audience", "staff"),
        j.getJsonArray("fields", new JsonArray()).stream()
            .map(o -> FormField.fromJson((JsonObject) o))
            .toList(),
        approval.getString("type", "none"),
        approval.getString("groupId"),
        fulfilment.getString("handler"),
        fulfilment.getString("groupId"),
        j.getJsonObject("sla", new JsonObject()).getString("priority", "P3"),
        j.getBoolean("onsiteVisit", false));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("description", description)
        .put("service", service)
        .put("audience", audience)
        .put("fields", new JsonArray(fields.stream().map(FormField::toJson).toList()))
        .put("approval", new JsonObject().put("type", approval).put("groupId", approverGroupId))
        .put("fulfilment", new JsonObject().put("handler", handler).put("groupId", groupId))
        .put("sla", new JsonObject().put("priority", priority))
        .put("onsiteVisit", onsiteVisit);
  }
}
