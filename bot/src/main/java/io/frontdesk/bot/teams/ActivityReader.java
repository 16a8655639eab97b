package io.frontdesk.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import io.frontdesk.core.http.ApiException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body into an SDK {@link Activity}, or a 400 that says what is wrong. It also
 * repairs the shapes the SDK 4.14 cannot read or trips on: timestamps without a fraction or with
 * more or fewer than nine digits (the SDK reads the fraction as nanoseconds), and a missing {@code
 * recipient.role} (an NPE in local mode).
 */
public final class ActivityReader {
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})");

  private static final Pattern SERVICE_URL = Pattern.compile("https?://[^\\s]+");

  public Activity read(Buffer body) {
    JsonNode tree;
    try {
      tree = SdkJson.MAPPER.readTree(body.getBytes());
    } catch (IOException | RuntimeException e) {
      throw ApiException.badRequest("The body is not valid JSON.");
    }
    if (tree == null || !tree.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object (a Bot Framework activity).");
    }
    ObjectNode a = (ObjectNode) tree;
    requireText(a, "type");
    JsonNode conversation = a.get("conversation");
    if (conversation == null || !conversation.isObject() || !conversation.path("id").isTextual()) {
      throw ApiException.badRequest("conversation.id is required.");
    }
    JsonNode serviceUrl = a.get("serviceUrl");
    if (serviceUrl == null
        || !serviceUrl.isTextual()
        || !SERVICE_URL.matcher(serviceUrl.asText()).matches()) {
      throw ApiException.badRequest("serviceUrl must be an http(s) URL.");
    }
    for (String who : new String[] {"from", "recipient"}) {
      JsonNode n = a.get(who);
      if (n != null && !n.isObject()) {
        throw ApiException.badRequest(who + " must be an object.");
      }
    }
    if (a.get("recipient") instanceof ObjectNode r && !r.has("role")) {
      r.put("role", "bot");
    }
    for (String field : new String[] {"timestamp", "localTimestamp"}) {
      normaliseTime(a, field);
    }
    relocateTenant(a);
    Activity activity;
    try {
      // One conversion from the tree (safeGetAs would copy the whole tree first).
      activity = SdkJson.MAPPER.treeToValue(a, Activity.class);
    } catch (IOException | IllegalArgumentException e) {
      activity = null;
    }
    if (activity == null) {
      // treeToValue answers null when a field has a type the SDK cannot read.
      throw ApiException.badRequest(
          "The body is not a Bot Framework activity: a field has the wrong type.");
    }
    return activity;
  }

  /**
   * Teams sends the tenant in {@code channelData.tenant.id}; the SDK's own middleware copies it to
   * {@code conversation.tenantId} when that is empty, building a new Jackson mapper (a
   * service-loader scan) for every such activity. Doing the same copy here leaves it nothing to do.
   */
  private static void relocateTenant(ObjectNode a) {
    if (!"msteams".equalsIgnoreCase(a.path("channelId").asText())
        || !(a.get("conversation") instanceof ObjectNode conversation)) {
      return;
    }
    JsonNode existing = conversation.get("tenantId");
    if (existing != null && existing.isTextual() && !existing.asText().isEmpty()) {
      return;
    }
    JsonNode tenant = a.path("channelData").path("tenant").path("id");
    if (tenant.isTextual() && !tenant.asText().isEmpty()) {
      conversation.put("tenantId", tenant.asText());
    }
  }

  private static void requireText(ObjectNode a, String field) {
    JsonNode n = a.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw ApiException.badRequest(field + " is required.");
    }
  }

  /** Pads or trims the fraction to nine digits, which is what the SDK's pattern reads. */
  private static void normaliseTime(ObjectNode a, String field) {
    JsonNode n = a.get(field);
    if (n == null || n.isNull()) {
      return;
    }
    Matcher m = n.isTextual() ? TIMESTAMP.matcher(n.asText()) : null;
    if (m == null || !m.matches()) {
      // A timestamp we cannot read is not worth rejecting the activity for.
      a.remove(field);
      return;
    }
    String fraction = m.group(2) == null ? "" : m.group(2);
    String nanos = (fraction + "000000000").substring(0, 9);
    a.put(field, m.group(1) + "." + nanos + m.group(3));
  }
}
