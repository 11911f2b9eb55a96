package dev.kelvin.datasets.load;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * One load series: values at a fixed step, NaN where the trace has no value. Value {@code i}
 * is the mean (or the total, for queue demand) over {@code [timeAt(i), timeAt(i) + step)}, so it
 * is known from {@code timeAt(i + 1)} on. Immutable: the values are copied in and out.
 *
 * @param trace the group the series belongs to, evaluated together (like {@code planetlab-vm})
 * @param name the series within its trace (a VM, a server)
 * @param unit the unit of the values, like {@code W} or {@code %}
 * @param start the start of the first interval
 * @param step the length of each interval
 * @param zone the zone whose clock gives the time of day (the trace's own, UTC when unknown)
 */
public record LoadSeries(String trace, String name, String unit, Instant start, Duration step,
    ZoneId zone, Values values) {
  public LoadSeries {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(values, "values");
    if (step == null || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step of series " + name + " must be positive, was "
          + step);
    }
  }

  /** A series of a copy of {@code values}. */
  public static LoadSeries of(String trace, String name, String unit, Instant start,
      Duration step, ZoneId zone, double[] values) {
    return new LoadSeries(trace, name, unit, start, step, zone, new Values(values.clone()));
  }

  public int length() {
    return values.array.length;
  }

  /** Value {@code i}, NaN when the trace has none. */
  public double value(int i) {
    return values.array[i];
  }

  /** The start of interval {@code i}. */
  public Instant timeAt(int i) {
    return start.plus(step.multipliedBy(i));
  }

  /** The end of the last interval. */
  public Instant end() {
    return timeAt(length());
  }

  /** How many values are known. */
  public int known() {
    int known = 0;
    for (double value : values.array) {
      if (!Double.isNaN(value)) {
        known++;
      }
    }
    return known;
  }

  /** The values, copied. */
  public double[] toArray() {
    return values.array.clone();
  }

  /** The values of a series, kept private so that a series cannot be changed. */
  public static final class Values {
    private final double[] array;

    private Values(double[] array) {
      this.array = array;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Values that && Arrays.equals(array, that.array);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(array);
    }

    @Override
    public String toString() {
      return array.length + " values";
    }
  }
}
