package io.frontdesk.core.config;

/**
 * A configuration value is missing or malformed. The message names the setting and what it expects.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
