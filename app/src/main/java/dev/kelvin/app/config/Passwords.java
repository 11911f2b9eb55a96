package dev.kelvin.app.config;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A section's password, given one way: {@code password_file} (its first line, trailing white
 * space ignored) or {@code password_env} (an environment variable's name), never inline in the
 * configuration. Messages name the key, never the password.
 */
public final class Passwords {
  private Passwords() {}

  /** The password of {@code section}, empty when neither key is set. */
  public static Optional<String> read(ConfigTree section) {
    Optional<Path> file = section.optionalPath("password_file");
    Optional<String> variable = section.optionalString("password_env");
    if (file.isPresent() && variable.isPresent()) {
      throw new ConfigException(section.source(), key(section, "password_env"), null,
          "give the password one way: password_file or password_env, not both");
    }
    if (file.isPresent()) {
      return Optional.of(fromFile(section, file.get()));
    }
    return variable.map(name -> fromEnvironment(section, name));
  }

  private static String fromFile(ConfigTree section, Path file) {
    try {
      String text = Files.readString(file).strip();
      if (text.isEmpty()) {
        throw new ConfigException(section.source(), key(section, "password_file"),
            "\"" + file + "\"", "the file is empty");
      }
      return text;
    } catch (IOException e) {
      throw new ConfigException(section.source(), key(section, "password_file"),
          "\"" + file + "\"", "cannot be read (" + e + ")");
    }
  }

  private static String fromEnvironment(ConfigTree section, String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new ConfigException(section.source(), key(section, "password_env"),
          "\"" + name + "\"", "the environment variable " + name + " is not set");
    }
    return value;
  }

  private static String key(ConfigTree section, String key) {
    return section.sectionPath().isEmpty() ? key : section.sectionPath() + "." + key;
  }
}
