package dev.kelvin.core.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong in a configuration file.
 *
 * @param key the full dotted path of the key at fault ({@code mqtt.keep_alive},
 *     {@code budgets[1].limit_w}); empty when the whole document is at fault
 * @param value the value as the message shows it: text in double quotes ({@code "30x"}, so
 *     that the text {@code "30"} and the number {@code 30} differ), numbers and booleans bare,
 *     {@code "***"} for a secret; {@code null} when no single value is at fault (an unknown
 *     key, a settings record built from several keys)
 * @param reason what is wrong and how to write it instead; line breaks are folded into spaces
 */
public record ConfigProblem(String key, String value, String reason) implements Serializable {
  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
    reason = reason.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** {@code mqtt.keep_alive = "30x": not a duration; ...}, without the file's name. */
  public String line() {
    if (key.isEmpty()) {
      return reason;
    }
    return key + (value == null ? "" : " = " + value) + ": " + reason;
  }
}
