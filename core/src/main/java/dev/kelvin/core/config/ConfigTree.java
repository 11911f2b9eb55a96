package dev.kelvin.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One section of an operator's configuration document, read key by key into typed values.
 *
 * <p>The document is what Jackson makes of a YAML or JSON file: maps with text keys whose values
 * are String, Integer, Long, BigInteger, Double, BigDecimal, Boolean, null, List or Map. Each
 * getter takes a key relative to this section and the default to use when the key is absent.
 * Rules every getter follows:
 *
 * <ul>
 *   <li>A key written with no value ({@code keep_alive:}, YAML's null) means "use the default",
 *       as if the line were not there: commenting out a template's value must not break it.
 *   <li>There are no required keys: every key has a default, so an empty document is a valid
 *       configuration and reading it lists every key ({@link #keysRead()}). A value without a
 *       sensible default is read with {@link #optionalString} and refused by the settings
 *       record inside {@link #build(Supplier)}.
 *   <li>Types are strict: {@code port: "1883"} (text) is not a number, {@code name: 1.10} (a
 *       number) is not text; the message says to add or remove the quotes. Text must not be
 *       blank.
 *   <li>Every failure is a {@link ConfigException} with a one-line message naming the file, the
 *       key's full path, the value as written, what is wrong and how to write it.
 * </ul>
 *
 * <p>The tree remembers which keys were read, sections included; {@link
 * #requireNoUnknownKeys()} then refuses every key that was given but never read. A tree is not
 * thread-safe; read it from the thread that builds the application.
 */
public final class ConfigTree {
  private static final String NONE = "none";
  private static final String USE_DEFAULT = "remove the key to use the default";
  private static final String LEAVE_UNSET = "remove the key to leave it unset";

  private final Section section;

  /** A document whose relative paths stay relative (to the working folder). */
  public ConfigTree(String source, Map<String, ?> root) {
    this(source, Path.of(""), root);
  }

  /**
   * @param source where the document came from, as messages name it: {@code kelvin.yaml}
   * @param baseFolder the folder relative {@link #path paths} resolve against
   * @param root the top-level map; null (what an empty YAML file gives) is an empty document
   */
  public ConfigTree(String source, Path baseFolder, Map<String, ?> root) {
    this(new Section(new Document(source, baseFolder), "", "", root));
  }

  private ConfigTree(Section section) {
    this.section = section;
  }

  /**
   * The document read from {@code file}: messages name the file as given, and relative paths
   * resolve against its folder.
   */
  public static ConfigTree forFile(Path file, Map<String, ?> root) {
    return new ConfigTree(file.toString(), file.toAbsolutePath().getParent(), root);
  }

  /** Where the document came from, as messages name it: {@code kelvin.yaml}. */
  public String source() {
    return section.document().source();
  }

  /** This section's full path, {@code mqtt} or {@code budgets[1]}; empty for the root. */
  public String sectionPath() {
    return section.path();
  }

  /** Non-blank text; an empty default is documented as {@code ""}. */
  public String string(String key, String defaultValue) {
    String defaultText = defaultValue.isEmpty() ? "\"\"" : defaultValue;
    return read(key, defaultValue, defaultText, raw -> ConfigValues.text(raw, USE_DEFAULT));
  }

  /** Non-blank text that may be left out; its default is written {@code none}. */
  public Optional<String> optionalString(String key) {
    return Optional.ofNullable(read(key, null, NONE, raw -> ConfigValues.text(raw, LEAVE_UNSET)));
  }

  /** A whole number within {@code min..max}; {@code 8080.0} counts as whole. */
  public int integer(String key, int defaultValue, int min, int max) {
    requireDefaultWithin(key, defaultValue, min, max);
    return read(key, defaultValue, Integer.toString(defaultValue), raw -> (int) ConfigValues
        .whole(raw, min, max, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** As {@link #integer} for values that need 64 bits (seeds, counters). */
  public long longInteger(String key, long defaultValue, long min, long max) {
    requireDefaultWithin(key, defaultValue, min, max);
    return read(key, defaultValue, Long.toString(defaultValue),
        raw -> ConfigValues.whole(raw, min, max, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** A finite number within {@code min..max}; whole numbers are accepted. */
  public double decimal(String key, double defaultValue, double min, double max) {
    requireDefaultWithin(key, defaultValue, min, max);
    return read(key, defaultValue, ConfigValues.decimalText(defaultValue),
        raw -> ConfigValues.decimal(raw, min, max));
  }

  /**
   * A list of finite numbers, each within {@code min..max}, {@code [1, 2.5]} or one
   * {@code - 1} line each; empty when left out (documented as none).
   */
  public List<Double> decimalList(String key, double min, double max) {
    List<Double> values = read(key, null, NONE, raw -> ConfigValues.decimalList(raw, min, max));
    return values == null ? List.of() : values;
  }

  /** A finite number within {@code min..max} that may be left out; documented as none. */
  public OptionalDouble optionalDecimal(String key, double min, double max) {
    Double value = read(key, null, NONE, raw -> ConfigValues.decimal(raw, min, max));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * {@code true} or {@code false} (Jackson's YAML parser also reads an unquoted yes/no/on/off
   * as a boolean); text, such as a quoted {@code "true"}, is refused.
   */
  public boolean bool(String key, boolean defaultValue) {
    return read(key, defaultValue, Boolean.toString(defaultValue), ConfigValues::bool);
  }

  /**
   * A duration as a number and a unit: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1.5h},
   * {@code 1d}. A bare number is refused (seconds or milliseconds?), so is a negative one.
   */
  public Duration duration(String key, Duration defaultValue) {
    return read(key, defaultValue, Quantities.durationText(defaultValue), Quantities::duration);
  }

  /** A duration, read as {@link #duration(String, Duration)}, within {@code min..max}. */
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    requireDefaultWithin(key, defaultValue, min, max);
    return read(key, defaultValue, Quantities.durationText(defaultValue),
        raw -> Quantities.duration(raw, min, max));
  }

  /** A duration within {@code min..max} that may be left out; documented as none. */
  public Optional<Duration> optionalDuration(String key, Duration min, Duration max) {
    return Optional.ofNullable(read(key, null, NONE, raw -> Quantities.duration(raw, min, max)));
  }

  /**
   * A size in bytes: {@code 512} (bytes), {@code 64KiB}, {@code 1MiB}, {@code 2GiB},
   * {@code 1TiB} (1024-based) or {@code 64KB}, {@code 1MB}, {@code 1GB} (1000-based, as the SI
   * defines them); units ignore case; a bare K, M or G is refused as ambiguous; negative is
   * refused.
   */
  public long bytes(String key, long defaultValue) {
    return read(key, defaultValue, Quantities.bytesText(defaultValue), Quantities::bytes);
  }

  /**
   * A constant of {@code type} by its name in any case, {@code dry_run} or {@code dry-run} for
   * {@code DRY_RUN}; the message lists the allowed names; the default is written lower case.
   */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    return read(key, defaultValue, ConfigValues.enumText(defaultValue),
        raw -> ConfigValues.enumValue(raw, type));
  }

  /** A list of non-blank texts, {@code [a, b]} or one {@code - a} line each. */
  public List<String> stringList(String key, List<String> defaultValue) {
    List<String> fallback = List.copyOf(defaultValue);
    return read(key, fallback, ConfigValues.listText(fallback), ConfigValues::stringList);
  }

  /**
   * A file or folder, resolved against the base folder (the configuration file's folder for
   * {@link #forFile}); so is a relative default. {@code ~} is not expanded and is refused.
   */
  public Path path(String key, Path defaultValue) {
    Path baseFolder = section.document().baseFolder();
    return read(key, baseFolder.resolve(defaultValue), defaultValue.toString(),
        raw -> ConfigValues.path(raw, baseFolder));
  }

  /** A file or folder that may be left out, resolved as {@link #path}; documented as none. */
  public Optional<Path> optionalPath(String key) {
    Path baseFolder = section.document().baseFolder();
    return Optional.ofNullable(read(key, null, NONE, raw -> ConfigValues.path(raw, baseFolder)));
  }

  /** An absolute URI, with a scheme: {@code tcp://broker:1883}. */
  public URI uri(String key, URI defaultValue) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    return read(key, defaultValue, defaultValue.toString(), ConfigValues::uri);
  }

  /**
   * A password or token, unset by default. No message ever shows its value, which appears as
   * {@code "***"}. An unquoted number or boolean is refused: YAML may have changed it
   * ({@code 0123}, {@code 1e3}, {@code yes}), so the password must be quoted.
   */
  public Optional<String> secret(String key) {
    return Optional.ofNullable(section.read(key, null, NONE,
        raw -> ConfigValues.text(raw, LEAVE_UNSET), true));
  }

  /**
   * The nested section under {@code key}; an absent one reads as empty, so every key in it
   * takes its default. Reads of the same section add up however often it is asked for.
   *
   * @throws ConfigException when the key holds anything but a map
   */
  public ConfigTree section(String key) {
    return new ConfigTree(section.child(key));
  }

  /**
   * The sections in the list under {@code key} ({@code budgets: [{site: a}, {site: b}]}),
   * each with its index in its path ({@code budgets[1]}); an absent list is empty. Keys read
   * inside the elements are documented once for all as {@code budgets[].site}.
   *
   * @throws ConfigException when the key holds anything but a list, or an element anything but
   *     a map
   */
  public List<ConfigTree> sections(String key) {
    return section.elements(key).stream().map(ConfigTree::new).toList();
  }

  /**
   * Reads each section in the list under {@code key} with {@code reader}. When the list is
   * absent or empty, {@code reader} still runs once on an empty element so that an element's
   * keys reach {@link #keysRead()}; that result, and an IllegalArgumentException from a record
   * refusing an empty element, are discarded.
   */
  public <T> List<T> sections(String key, Function<ConfigTree, T> reader) {
    List<ConfigTree> elements = sections(key);
    if (elements.isEmpty()) {
      try {
        reader.apply(new ConfigTree(section.template(key)));
      } catch (IllegalArgumentException documentationOnly) {
        // the element's keys are recorded; the record it was to build does not matter
      }
      return List.of();
    }
    List<T> results = new ArrayList<>(elements.size());
    elements.forEach(element -> results.add(reader.apply(element)));
    return results;
  }

  /**
   * Builds a settings record from values read in this section, turning the
   * IllegalArgumentException of a record that refuses them into a ConfigException naming this
   * section: {@code kelvin.yaml: policy: settleTime must be ...}. A ConfigException passes
   * through unchanged.
   */
  public <T> T build(Supplier<T> settings) {
    return buildAt(section.path(), settings);
  }

  /** As {@link #build(Supplier)}, naming the section {@code key} under this one. */
  public <T> T build(String key, Supplier<T> settings) {
    return buildAt(Document.join(section.path(), key), settings);
  }

  /**
   * Refuses every key given in this section, or in a section read from it, that was never
   * read, each with the nearest known key as a suggestion. Its value is not shown (a misspelt
   * key may hold a password). Call it once everything is read.
   *
   * @throws ConfigException listing every unknown key, one per line after a summary line; a
   *     single unknown key makes a single line
   */
  public void requireNoUnknownKeys() {
    List<ConfigProblem> problems = new ArrayList<>();
    section.collectUnknown(problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(section.document().source(), problems.size() + " unknown keys",
          problems);
    }
  }

  /**
   * Every key read through this tree's root so far, sections included, in reading order, each
   * with its default as an operator writes it. Reading an empty document lists them all.
   */
  public List<ConfigKey> keysRead() {
    return section.document().keysRead();
  }

  private <T> T read(String key, T defaultValue, String defaultText, Function<Object, T> parse) {
    return section.read(key, defaultValue, defaultText, parse, false);
  }

  private <T> T buildAt(String at, Supplier<T> settings) {
    try {
      return settings.get();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ConfigException refused =
          new ConfigException(section.document().source(), at, null, reason);
      refused.initCause(e);
      throw refused;
    }
  }

  /** A default outside its own range is the composition root's mistake, not the operator's. */
  private <N extends Comparable<N>> void requireDefaultWithin(String key, N value, N min, N max) {
    if (min.compareTo(max) > 0 || value.compareTo(min) < 0 || value.compareTo(max) > 0
        || value instanceof Double number && !Double.isFinite(number)) {
      throw new IllegalArgumentException("the default " + value + " of "
          + Document.join(section.path(), key) + " is outside " + min + ".." + max);
    }
  }
}
