package dev.kelvin.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents as Jackson decodes YAML: insertion-ordered maps with text keys whose values are
 * String, Integer, Long, BigInteger, Double, BigDecimal, Boolean, null, List or Map.
 */
final class Docs {
  private Docs() {}

  /** {@code map("port", 1883, "host", "a")}, in the order given; values may be null. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A tree named {@code kelvin.yaml} over {@code map(keysAndValues)}. */
  static ConfigTree tree(Object... keysAndValues) {
    return new ConfigTree("kelvin.yaml", map(keysAndValues));
  }
}
