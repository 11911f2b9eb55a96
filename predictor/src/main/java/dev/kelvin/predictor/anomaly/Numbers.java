package dev.kelvin.predictor.anomaly;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Arrays of numbers as a model file's settings keep them: comma-separated, exact. */
final class Numbers {
  private Numbers() {}

  static String join(double[] values) {
    return Arrays.stream(values).mapToObj(value -> String.format(Locale.ROOT, "%.17g", value))
        .collect(Collectors.joining(","));
  }

  /**
   * The numbers under {@code key}.
   *
   * @throws IllegalArgumentException naming the key when it is absent or not numbers
   */
  static double[] split(Map<String, String> settings, String key) {
    String text = settings.get(key);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("setting '" + key + "' is missing");
    }
    try {
      return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' holds no list of numbers: "
          + e.getMessage());
    }
  }
}
