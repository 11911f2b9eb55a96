package dev.kelvin.core.config;

import java.util.Objects;

/**
 * One key a composition root reads, for the configuration reference.
 *
 * @param path the full dotted path, {@code mqtt.keep_alive}; keys inside the elements of a
 *     list of sections are written once for all elements, {@code budgets[].limit_w}
 * @param defaultText the default as an operator would write it in YAML: {@code 30s},
 *     {@code 64KiB}, {@code true}, {@code kelvin/v1}, {@code [a, b]}; {@code none} when the
 *     key is unset by default
 */
public record ConfigKey(String path, String defaultText) {
  public ConfigKey {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(defaultText, "defaultText");
  }
}
