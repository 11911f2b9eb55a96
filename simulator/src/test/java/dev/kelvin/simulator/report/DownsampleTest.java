package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsampleTest {
  @Test
  void each_bucket_keeps_the_min_and_max_of_every_value_that_holds_in_it() {
    Random random = new Random(3);
    Series.Builder builder = new Series.Builder("p", "W");
    double t = 5;
    for (int i = 0; i < 20_000; i++) {
      builder.add(t, random.nextInt(1000));
      t += random.nextDouble() * 2;
    }
    Series series = builder.build();

    Downsample.Buckets buckets = Downsample.minMax(series, 0, t, 97);

    for (int b = 0; b < buckets.size(); b++) {
      double from = buckets.startS(b);
      double to = b + 1 == buckets.size() ? Double.POSITIVE_INFINITY : buckets.startS(b + 1);
      double[] expected = bruteForceMinMax(series, from, to);
      assertThat(buckets.min()[b]).as("min of bucket %d", b).isEqualTo(expected[0]);
      assertThat(buckets.max()[b]).as("max of bucket %d", b).isEqualTo(expected[1]);
    }
  }

  @Test
  void a_spike_shorter_than_a_bucket_stays_visible() {
    Series series = Results.series("p", "W", 0, 100, 500.5, 900, 500.6, 100);

    Downsample.Buckets buckets = Downsample.minMax(series, 0, 1000, 10);

    assertThat(buckets.max()[5]).isEqualTo(900);
    assertThat(buckets.min()[5]).isEqualTo(100);
    assertThat(buckets.first()[5]).isEqualTo(100);
    assertThat(buckets.last()[5]).isEqualTo(100);
    assertThat(buckets.max()[4]).isEqualTo(100);
  }

  @Test
  void a_value_that_ends_on_a_bucket_boundary_does_not_count_for_the_next_bucket() {
    Series series = Results.series("p", "W", 0, 900, 100, 5);

    Downsample.Buckets buckets = Downsample.minMax(series, 0, 200, 2);

    assertThat(buckets.max()[0]).isEqualTo(900);
    assertThat(buckets.max()[1]).isEqualTo(5);
    assertThat(buckets.first()[1]).isEqualTo(5);
  }

  @Test
  void buckets_before_the_first_point_hold_nan_and_later_ones_carry_the_last_value() {
    Series series = Results.series("p", "W", 300, 7);

    Downsample.Buckets buckets = Downsample.minMax(series, 0, 1000, 4);

    assertThat(buckets.min()[0]).isNaN();
    assertThat(buckets.first()[1]).isNaN();
    assertThat(buckets.min()[1]).isEqualTo(7);
    assertThat(buckets.max()[3]).isEqualTo(7);
    assertThat(buckets.first()[3]).isEqualTo(7);
  }

  @Test
  void no_bucket_or_an_empty_span_is_refused() {
    Series series = Results.series("p", "W", 0, 1);

    assertThatThrownBy(() -> Downsample.minMax(series, 0, 10, 0))
        .hasMessageContaining("at least one bucket");
    assertThatThrownBy(() -> Downsample.minMax(series, 10, 10, 5))
        .hasMessageContaining("positive span");
  }

  /** The values holding at some moment of {@code [from, to)}: the one at {@code from} and later ones. */
  private static double[] bruteForceMinMax(Series series, double from, double to) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < series.size(); i++) {
      double start = series.timesS()[i];
      double end = i + 1 < series.size() ? series.timesS()[i + 1] : Double.POSITIVE_INFINITY;
      boolean holdsInBucket = start < to && end > from;
      if (holdsInBucket) {
        low = Math.min(low, series.values()[i]);
        high = Math.max(high, series.values()[i]);
      }
    }
    return new double[] {low, high};
  }
}
