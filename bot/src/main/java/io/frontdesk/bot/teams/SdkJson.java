package io.frontdesk.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one mapper the bot reads and writes activities with: the settings of the SDK's own
 * (bot-schema's {@code Serialization}: unknown properties ignored, property names matched without
 * case, the modules on the class path), plus Blackbird, which replaces reflection on the SDK's
 * model classes with generated accessors. Immutable once built, so it is shared.
 */
final class SdkJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
          .findAndAddModules()
          .addModule(new BlackbirdModule())
          .build();

  private SdkJson() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }
}
