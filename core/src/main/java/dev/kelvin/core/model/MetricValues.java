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
    builder.present = present;
    builder.values = Arrays.copyOf(packed, Math.max(packed.length, Builder.FIRST_CAPACITY));
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

  /**
   * Collects checked values; each {@link #set} validates at once and names the field. Values
   * are kept packed in ordinal order as they come (a reading sets a handful of the metrics), so
   * building one allocates about what the result keeps.
   */
  public static final class Builder {
    private static final int FIRST_CAPACITY = 8;

    private long present;
    private double[] values = new double[FIRST_CAPACITY];

    private Builder() {}

    public Builder set(NodeMetric metric, double value) {
      double checked = metric.check(value);
      int ordinal = metric.ordinal();
      int slot = Long.bitCount(present & (bit(ordinal) - 1));
      if ((present & bit(ordinal)) == 0) {
        int count = Long.bitCount(present);
        if (count == values.length) {
          values = Arrays.copyOf(values, Math.min(2 * count, METRICS.length));
        }
        System.arraycopy(values, slot, values, slot + 1, count - slot);
        present |= bit(ordinal);
      }
      values[slot] = checked;
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
      int ordinal = metric.ordinal();
      if ((present & bit(ordinal)) != 0) {
        int slot = Long.bitCount(present & (bit(ordinal) - 1));
        int count = Long.bitCount(present);
        System.arraycopy(values, slot + 1, values, slot, count - slot - 1);
        present &= ~bit(ordinal);
      }
      return this;
    }

    public MetricValues build() {
      if (present == 0) {
        return EMPTY;
      }
      return new MetricValues(present, Arrays.copyOf(values, Long.bitCount(present)));
    }
  }
}
