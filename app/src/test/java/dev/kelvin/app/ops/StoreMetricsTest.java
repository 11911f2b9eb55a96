package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.telemetry.store.StoreStats;
import dev.kelvin.telemetry.store.spool.SpoolStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoreMetricsTest {
  private static final StoreStats STATS = new StoreStats(1_200, 3, 40, 10, 0, 2,
      Duration.ofMillis(5), Duration.ofMillis(9), Map.of("spool_full", 7L), Map.of(), true,
      false, new SpoolStats(4, 4_096, 1 << 20, 0, 0, 0, false));

  @Test
  void meters_keep_reading_the_store_after_a_collection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Supplier<StoreStats> madeForTheCall = () -> STATS;
    WeakReference<Supplier<StoreStats>> watched = new WeakReference<>(madeForTheCall);
    StoreMetrics.bind(registry, madeForTheCall);
    madeForTheCall = null;

    for (int i = 0; i < 5; i++) {
      System.gc();
    }

    assertThat(watched.get()).as("the meters hold the supplier").isNotNull();
    assertThat(registry.get("kelvin.store.influx.up").gauge().value()).isEqualTo(1);
    assertThat(registry.get("kelvin.store.points.written").functionCounter().count())
        .isEqualTo(1_200);
    assertThat(registry.get("kelvin.store.points.lost").tag("reason", "spool_full")
        .functionCounter().count()).isEqualTo(7);
    assertThat(registry.get("kelvin.store.spool.records").gauge().value()).isEqualTo(4);
  }
}
