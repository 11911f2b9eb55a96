package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.telemetry.store.FakeInflux.FakeNanos;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The store's safe mark: points taken are safe once their batch is written, spooled or counted
 * lost, and never ahead of an older batch; driven one turn of the store's thread at a time.
 */
class StoreProgressTest {
  private static final InfluxSettings SETTINGS = InfluxSettings
      .defaults(URI.create("http://127.0.0.1:8086"), "kelvin", Path.of("spool"))
      .withBatching(3, Duration.ofSeconds(1), 2)
      .withRetry(Duration.ofSeconds(1), Duration.ofSeconds(8));

  private final FakeNanos nanos = new FakeNanos();
  private final FakeInflux influx = new FakeInflux(nanos);
  private final InfluxStore store = new InfluxStore(SETTINGS, influx,
      new InMemorySpool(1 << 20), new MutableClock(), nanos);
  private final AtomicInteger advances = new AtomicInteger();

  @Test
  void points_taken_are_safe_once_their_batch_is_written() throws Exception {
    store.onSafe(advances::incrementAndGet);
    accept(0, 2);
    assertThat(store.taken()).isEqualTo(2);
    assertThat(store.safe()).as("in the batch being filled").isZero();

    nanos.advanceMillis(1_000);
    store.runOnce(0);

    assertThat(store.safe()).isEqualTo(2);
    assertThat(advances).hasValue(1);
  }

  @Test
  void points_are_safe_once_spooled_while_influxdb_does_not_answer() throws Exception {
    influx.up(false);
    accept(0, 3);
    store.runOnce(0);

    assertThat(influx.stored()).isEmpty();
    assertThat(store.stats().spooledRecords()).isEqualTo(1);
    assertThat(store.safe()).isEqualTo(3);
  }

  @Test
  void a_batch_spooled_ahead_of_older_ones_makes_nothing_safe_until_they_are() throws Exception {
    store.onSafe(advances::incrementAndGet);
    accept(0, 9);
    assertThat(store.stats().spooledRecords()).as("the third batch, from this thread")
        .isEqualTo(1);
    assertThat(store.safe()).as("the first two still wait for the store's thread").isZero();

    store.runOnce(0);

    assertThat(store.safe()).isEqualTo(9);
    assertThat(store.taken()).isEqualTo(9);
  }

  @Test
  void points_the_store_cannot_keep_anywhere_are_safe_as_counted_lost() throws Exception {
    InfluxStore tiny = new InfluxStore(SETTINGS, influx, new InMemorySpool(1), new MutableClock(),
        nanos);
    influx.up(false);
    IntStream.range(0, 3).forEach(seq -> tiny.accept(Readings.reading().seq(seq)
        .at(MutableClock.START.plusMillis(seq)).build(), Instant.EPOCH));
    tiny.runOnce(0);

    assertThat(tiny.stats().lostTotal()).isEqualTo(3);
    assertThat(tiny.safe()).isEqualTo(3);
  }

  @Test
  void the_mark_advances_over_batches_made_safe_out_of_order_only_once_they_join() {
    SafeMark mark = new SafeMark();
    assertThat(mark.add(4, 6)).isFalse();
    assertThat(mark.add(7, 9)).isFalse();
    assertThat(mark.safe()).isZero();

    assertThat(mark.add(1, 3)).isTrue();

    assertThat(mark.safe()).isEqualTo(9);
    assertThat(mark.add(1, 3)).as("again").isFalse();
  }

  /** Accepts readings with seq from {@code from} (inclusive) to {@code to}, 1 ms apart. */
  private void accept(int from, int to) {
    IntStream.range(from, to).forEach(seq -> store.accept(Readings.reading().seq(seq)
        .at(MutableClock.START.plusMillis(seq)).build(), Instant.EPOCH));
  }
}
