package dev.kelvin.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The state behind a {@link ConfigTree}: one map of the document, the keys read from it, and
 * the sections read from it, so that keys given but never read can be found afterwards.
 */
final class Section {
  private final Document document;
  private final String path;
  private final String docPath;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();
  private final Map<String, Section> children = new LinkedHashMap<>();
  private final Map<String, List<Section>> elements = new LinkedHashMap<>();

  /**
   * @param path the real path, {@code budgets[1]}, that messages name
   * @param docPath the path keys are documented under, {@code budgets[]}
   * @param values the decoded map; null reads as empty
   */
  Section(Document document, String path, String docPath, Map<?, ?> values) {
    this.document = document;
    this.path = path;
    this.docPath = docPath;
    if (values != null) {
      values.forEach((key, value) -> this.values.put(String.valueOf(key), value));
    }
  }

  Document document() {
    return document;
  }

  String path() {
    return path;
  }

  /**
   * Marks {@code key} read, records it with {@code defaultText}, and returns its value parsed,
   * or {@code defaultValue} when the key is absent or null.
   */
  <T> T read(String key, T defaultValue, String defaultText, Function<Object, T> parse,
      boolean secret) {
    Objects.requireNonNull(key, "key");
    read.add(key);
    document.recordRead(Document.join(docPath, key), defaultText);
    Object raw = values.get(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return parse.apply(raw);
    } catch (InvalidValue e) {
      Object shown = e.suffix().isEmpty() ? raw : e.element();
      throw new ConfigException(document.source(), Document.join(path, key) + e.suffix(),
          secret ? "\"***\"" : ConfigValues.shown(shown), e.getMessage());
    }
  }

  Section child(String key) {
    Section known = children.get(key);
    if (known != null) {
      return known;
    }
    read.add(key);
    Object raw = values.get(key);
    String at = Document.join(path, key);
    requireMap(at, raw, "indented \"name: value\" lines under \"" + key + ":\"");
    Section child = new Section(document, at, Document.join(docPath, key), (Map<?, ?>) raw);
    children.put(key, child);
    return child;
  }

  List<Section> elements(String key) {
    List<Section> known = elements.get(key);
    if (known != null) {
      return known;
    }
    read.add(key);
    Object raw = values.get(key);
    if (raw != null && !(raw instanceof List)) {
      throw new ConfigException(document.source(), Document.join(path, key),
          ConfigValues.shown(raw), "must be a list of sections: one \"- name: value\" block"
          + " per element");
    }
    List<?> list = raw == null ? List.of() : (List<?>) raw;
    List<Section> sections = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = Document.join(path, key) + "[" + i + "]";
      requireMap(at, list.get(i), "\"name: value\" lines after the \"- \"");
      sections.add(new Section(document, at, Document.join(docPath, key) + "[]",
          (Map<?, ?>) list.get(i)));
    }
    elements.put(key, List.copyOf(sections));
    return elements.get(key);
  }

  /** An empty element of the list under {@code key}, read only to document its keys. */
  Section template(String key) {
    return new Section(document, Document.join(path, key) + "[]",
        Document.join(docPath, key) + "[]", Map.of());
  }

  /** Adds a problem for each key given here or in a section read from here but never read. */
  void collectUnknown(List<ConfigProblem> problems) {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        problems.add(UnknownKeys.problem(path, key, read, document.keysRead()));
      } else if (children.containsKey(key)) {
        children.get(key).collectUnknown(problems);
      } else if (elements.containsKey(key)) {
        elements.get(key).forEach(element -> element.collectUnknown(problems));
      }
    }
  }

  private void requireMap(String at, Object raw, String howToWrite) {
    if (raw != null && !(raw instanceof Map)) {
      throw new ConfigException(document.source(), at, ConfigValues.shown(raw),
          "must be a section: " + howToWrite);
    }
  }
}
