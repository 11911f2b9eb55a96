package dev.kelvin.app.bench;

import java.util.Locale;

/** One line of the bench report: what was measured, at what size, and the figure. */
record BenchResult(String name, String size, String figure, String detail) {

  static BenchResult rate(String name, String size, double perSecond, String unit,
      Measure.Timing timing) {
    return new BenchResult(name, size,
        String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit),
        String.format(Locale.ROOT, "median of %d rounds", timing.rounds()));
  }

  static BenchResult latency(String name, String size, Measure.Timing timing) {
    return new BenchResult(name, size, micros(timing.median().toNanos()) + " median",
        micros(timing.worst().toNanos()) + " worst of " + timing.rounds());
  }

  private static String micros(long nanos) {
    return nanos >= 10_000_000
        ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
        : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
  }
}
