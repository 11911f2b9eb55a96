package dev.kelvin.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTickerTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void keeps_ticking_after_a_task_throws_an_exception_or_an_error() {
    AtomicInteger ticks = new AtomicInteger();
    try (PeriodicTicker ticker = new PeriodicTicker("test-ticker", Duration.ofMillis(5), clock,
        now -> {
          int tick = ticks.incrementAndGet();
          if (tick == 2) {
            throw new IllegalStateException("a bad tick");
          }
          if (tick == 3) {
            throw new AssertionError("a library's Error");
          }
        })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 6);
    }
  }

  @Test
  void passes_the_clock_time_to_the_task_and_stops_when_closed() {
    AtomicInteger ticks = new AtomicInteger();
    java.util.List<java.time.Instant> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PeriodicTicker ticker = new PeriodicTicker("test-ticker", Duration.ofMillis(5), clock, now -> {
      seen.add(now);
      ticks.incrementAndGet();
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 2);
    ticker.close();
    int afterClose = ticks.get();

    await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
        .until(() -> ticks.get() == afterClose);
    assertThat(seen).allSatisfy(at -> assertThat(at).isEqualTo(MutableClock.START));
  }
}
