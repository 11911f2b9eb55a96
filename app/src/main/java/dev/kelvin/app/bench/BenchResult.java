package dev.kelvin.app.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the bench report: what was measured, at what size, and the figure.
 *
 * @param values the figure as numbers for {@code --json}: {@code median_seconds},
 *     {@code worst_seconds} and {@code rounds} for a latency; {@code rate_per_second},
 *     {@code rate_unit} and {@code rounds} for a rate
 */
record BenchResult(String name, String size, String figure, String detail,
    Map<String, Object> values) {

  BenchResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A line with no numbers beside its text. */
  BenchResult(String name, String size, String figure, String detail) {
    this(name, size, figure, detail, Map.of());
  }

  static BenchResult rate(String name, String size, double perSecond, String unit,
      Measure.Timing timing) {
    return new BenchResult(name, size,
        String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit),
        String.format(Locale.ROOT, "median of %d rounds", timing.rounds()),
        ordered("rate_per_second", perSecond, "rate_unit", unit, "rounds", timing.rounds()));
  }

  static BenchResult latency(String name, String size, Measure.Timing timing) {
    return new BenchResult(name, size, micros(timing.median().toNanos()) + " median",
        micros(timing.worst().toNanos()) + " worst of " + timing.rounds(),
        ordered("median_seconds", timing.median().toNanos() / 1e9,
            "worst_seconds", timing.worst().toNanos() / 1e9, "rounds", timing.rounds()));
  }

  /** Name, size, the figure as text and its numbers, for {@code --json}. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("size", size);
    json.put("figure", figure);
    json.put("detail", detail);
    json.putAll(values);
    return json;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String micros(long nanos) {
    return nanos >= 10_000_000
        ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
        : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
  }
}
