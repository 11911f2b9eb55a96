package dev.kelvin.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Meters that read a figure of a component's latest stats record each time they are scraped:
 * one way to register them, for every part that reports a stats record.
 */
final class StatsMeters {
  private StatsMeters() {}

  /** A counter of {@code value} of the stats {@code stats} gives when scraped. */
  static <S> void counter(MeterRegistry registry, Supplier<S> stats, String name,
      String description, ToDoubleFunction<S> value) {
    FunctionCounter.builder(name, stats, s -> value.applyAsDouble(stats.get()))
        .description(description).register(registry);
  }

  /** A gauge of {@code value} of the stats {@code stats} gives when scraped. */
  static <S> void gauge(MeterRegistry registry, Supplier<S> stats, String name,
      String description, ToDoubleFunction<S> value) {
    Gauge.builder(name, stats, s -> value.applyAsDouble(stats.get())).description(description)
        .register(registry);
  }
}
