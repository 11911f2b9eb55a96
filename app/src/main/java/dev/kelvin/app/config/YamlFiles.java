package dev.kelvin.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kelvin.app.StartupException;
import dev.kelvin.core.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a YAML configuration file into core's {@link ConfigTree}: one document, a map at the
 * top, no key twice. Whatever is wrong with the file itself (missing, unreadable, not YAML)
 * stops the start with one line naming the file and, for syntax, the line and column.
 */
public final class YamlFiles {
  /** Larger configuration files are surely something else. */
  private static final long MAX_BYTES = 1 << 20;
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private YamlFiles() {}

  /** The file's configuration tree; relative paths in it resolve against its folder. */
  public static ConfigTree read(Path file) {
    return read(file, "--config");
  }

  /**
   * As {@link #read(Path)}, for a file given with the option {@code option}, which a missing
   * file's message names.
   */
  public static ConfigTree read(Path file, String option) {
    return ConfigTree.forFile(file, parse(file, option));
  }

  /** The tree of a document given as text (tests, and the empty document of the docs). */
  public static ConfigTree of(String source, String yaml) {
    try {
      return new ConfigTree(source, Path.of("."), map(source, yaml));
    } catch (JsonProcessingException e) {
      throw new StartupException(source + ": " + syntax(e));
    }
  }

  private static Map<String, Object> parse(Path file, String option) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new StartupException(file + ": larger than " + (MAX_BYTES >> 10) + " KiB; is it"
            + " really the configuration file?");
      }
      return map(file.toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new StartupException(file + ": no such file (give the path of the configuration"
          + " file with " + option + ")");
    } catch (JsonProcessingException e) {
      throw new StartupException(file + ": " + syntax(e));
    } catch (IOException e) {
      throw new StartupException(file + ": cannot be read: " + e);
    }
  }

  /**
   * The top-level map; a blank document, or one of comments only (a template with every line
   * commented out), is empty.
   */
  private static Map<String, Object> map(String source, String yaml)
      throws JsonProcessingException {
    if (yaml.isBlank()) {
      return Map.of();
    }
    try (JsonParser parser = MAPPER.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Map.of();
      }
      if (first != JsonToken.START_OBJECT) {
        throw new StartupException(source + ": the configuration must be a map of keys"
            + " (key: value), not a list or a single value");
      }
      return MAPPER.readValue(parser, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new StartupException(source + ": cannot read the configuration: " + e.getMessage());
    }
  }

  private static String syntax(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return "not valid YAML: " + first + (e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column "
            + e.getLocation().getColumnNr() + ")");
  }
}
