package dev.kelvin.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The measurements of one reading: an immutable set of {@link NodeMetric} values. A metric is
 * either present with a finite, in-range value or absent; absence is explicit and never 0.
 * Every value is range-checked on the way in, so an invalid reading cannot be built anywhere.
 */
public final class MetricValues {
  private static final NodeMetric[] METRICS = NodeMetric.values();
  private static final MetricValues EMPTY = new MetricValues(0L, new double[0]);

  static {
    if (METRICS.length > Long.SIZE) {
      throw new ExceptionInInitializerError("MetricValues keeps one bit per metric in a long: "
          + METRICS.length + " metrics need a wider mask");
    }
  }

  /**
   * Which metrics are present, one bit per ordinal, and their values packed in ordinal order:
   * a reading keeps only what it carries (a node's window holds hundreds of readings, each
   * device's a few metrics of many), so the telemetry window costs a fraction of one slot per
   * metric.
   */
  private final long present;
  private final double[] packed;

  private MetricValues(long present, double[] packed) {
    this.present = present;
    this.packed = packed;
  }

  public static MetricValues empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean has(NodeMetric metric) {
    return (present & bit(metric.ordinal())) != 0;
  }

  public OptionalDouble get(NodeMetric metric) {
    return has(metric) ? OptionalDouble.of(packed[slot(metric.ordinal())])
        : OptionalDouble.empty();
  }

  /** The value, or NaN when absent: for arithmetic on hot paths that check {@link #has}. */
  public double getOrNaN(NodeMetric metric) {
    return has(metric) ? packed[slot(metric.ordinal())] : Double.NaN;
  }

  public boolean isEmpty() {
    return present == 0;
  }

  /** The present metrics in declaration order. */
  public Map<NodeMetric, Double> asMap() {
    EnumMap<NodeMetric, Double> map = new EnumMap<>(NodeMetric.class);
    for (NodeMetric metric : METRICS) {
      if (has(metric)) {
        map.put(metric, getOrNaN(metric));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Checks that these metrics may be reported at {@code where} (the node, or one of its
   * devices) and that each minimum is not above its maximum.
   *
   * @throws dev.kelvin.core.validation.ValidationException naming the field at fault
   */
  public MetricValues requireValidAt(java.util.Optional<Device> where) {
    MetricChecks.requireValid(this, where);
    return this;
  }

  /** A copy with {@code metric} set to {@code value} (checked). */
  public MetricValues with(NodeMetric metric, double value) {
    return toBuilder().set(metric, value).build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    for (NodeMetric metric : METRICS) {
      if (has(metric)) {
        builder.values[metric.ordinal()] = getOrNaN(metric);
      }
    }
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricValues that && present == that.present
        && Arrays.equals(packed, that.packed);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(present) + Arrays.hashCode(packed);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (NodeMetric metric : METRICS) {
      if (has(metric)) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(metric.wireName()).append('=').append(getOrNaN(metric));
      }
    }
    return text.append('}').toString();
  }

  private static long bit(int ordinal) {
    return 1L << ordinal;
  }

  /** Where the value of the metric with {@code ordinal} sits: the present metrics before it. */
  private int slot(int ordinal) {
    return Long.bitCount(present & (bit(ordinal) - 1));
  }

  private static double[] newArray() {
    double[] array = new double[METRICS.length];
    Arrays.fill(array, Double.NaN);
    return array;
  }

  /** Collects checked values; each {@link #set} validates at once and names the field. */
  public static final class Builder {
    private final double[] values = newArray();

    private Builder() {}

    public Builder set(NodeMetric metric, double value) {
      values[metric.ordinal()] = metric.check(value);
      return this;
    }

    /** Sets the metric when {@code value} is present, leaves it absent otherwise. */
    public Builder setIfPresent(NodeMetric metric, OptionalDouble value) {
      if (value.isPresent()) {
        set(metric, value.getAsDouble());
      }
      return this;
    }

    public Builder clear(NodeMetric metric) {
      values[metric.ordinal()] = Double.NaN;
      return this;
    }

    public MetricValues build() {
      long present = 0;
      for (int i = 0; i < values.length; i++) {
        if (!Double.isNaN(values[i])) {
          present |= bit(i);
        }
      }
      if (present == 0) {
        return EMPTY;
      }
      double[] packed = new double[Long.bitCount(present)];
      int slot = 0;
      for (double value : values) {
        if (!Double.isNaN(value)) {
          packed[slot++] = value;
        }
      }
      return new MetricValues(present, packed);
    }
  }
}
