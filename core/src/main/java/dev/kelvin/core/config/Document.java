package dev.kelvin.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a root {@link ConfigTree} shares with its sections: where the document came from, the
 * folder relative paths resolve against, and every key read so far with its default.
 */
final class Document {
  private final String source;
  private final Path baseFolder;
  private final Map<String, ConfigKey> keysRead = new LinkedHashMap<>();

  Document(String source, Path baseFolder) {
    this.source = Objects.requireNonNull(source, "source");
    this.baseFolder = Objects.requireNonNull(baseFolder, "baseFolder");
  }

  String source() {
    return source;
  }

  Path baseFolder() {
    return baseFolder;
  }

  /** Records {@code path} once, with the default of its first reading. */
  void recordRead(String path, String defaultText) {
    keysRead.putIfAbsent(path, new ConfigKey(path, defaultText));
  }

  List<ConfigKey> keysRead() {
    return List.copyOf(keysRead.values());
  }

  /** {@code mqtt} and {@code keep_alive} make {@code mqtt.keep_alive}; the root's path is empty. */
  static String join(String section, String key) {
    return section.isEmpty() ? key : section + "." + key;
  }
}
