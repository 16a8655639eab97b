package io.frontdesk.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Raw settings: environment variables, over an optional properties file named by {@value
 * #CONFIG_FILE}, over the documented defaults each caller passes. Every typed getter fails with a
 * {@link ConfigException} that names the variable and what it expects, so a bad value stops
 * start-up with a message an operator can act on.
 *
 * <p>Modules read their own keys through this class; the keys live as constants next to the code
 * that uses them.
 */
public final class Settings {
  /** A Java properties file whose keys are the environment variable names. */
  public static final String CONFIG_FILE = "FRONTDESK_CONFIG";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Settings from the process environment (and the config file it may name). */
  public static Settings fromEnvironment() {
    return from(System.getenv());
  }

  /** Settings from the given variables, reading the config file they may name. */
  public static Settings from(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file);
      Properties props = new Properties();
      try (Reader reader = Files.newBufferedReader(path)) {
        props.load(reader);
      } catch (IOException e) {
        throw new ConfigException(
            CONFIG_FILE + " names '" + file + "', which cannot be read: " + e.getMessage());
      }
      props.forEach((k, v) -> merged.put(k.toString(), v.toString().trim()));
    }
    env.forEach(
        (k, v) -> {
          if (v != null) {
            merged.put(k, v);
          }
        });
    return new Settings(merged);
  }

  /** Settings from exactly these values; for tests and tools. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** A copy with some values replaced; for tests and tools. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged);
  }

  public Optional<String> optional(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String string(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          key + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key + " must be true or false, got '" + raw.get() + "'");
    };
  }

  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    String v = string(key, defaultValue).toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new ConfigException(
          key
              + " must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ", got '"
              + v
              + "'");
    }
    return v;
  }

  public Path path(String key, String defaultValue) {
    String raw = string(key, defaultValue);
    try {
      return Path.of(raw).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      throw new ConfigException(key + " must be a file system path, got '" + raw + "'");
    }
  }
}
