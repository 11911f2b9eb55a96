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
  private static final MetricValues EMPTY = new MetricValues(newArray());

  private final double[] values;

  private MetricValues(double[] values) {
    this.values = values;
  }

  public static MetricValues empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean has(NodeMetric metric) {
    return !Double.isNaN(values[metric.ordinal()]);
  }

  public OptionalDouble get(NodeMetric metric) {
    double value = values[metric.ordinal()];
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The value, or NaN when absent: for arithmetic on hot paths that check {@link #has}. */
  public double getOrNaN(NodeMetric metric) {
    return values[metric.ordinal()];
  }

  public boolean isEmpty() {
    for (double value : values) {
      if (!Double.isNaN(value)) {
        return false;
      }
    }
    return true;
  }

  /** The present metrics in declaration order. */
  public Map<NodeMetric, Double> asMap() {
    EnumMap<NodeMetric, Double> map = new EnumMap<>(NodeMetric.class);
    for (NodeMetric metric : METRICS) {
      if (has(metric)) {
        map.put(metric, values[metric.ordinal()]);
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
    System.arraycopy(values, 0, builder.values, 0, values.length);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricValues that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (NodeMetric metric : METRICS) {
      if (has(metric)) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(metric.wireName()).append('=').append(values[metric.ordinal()]);
      }
    }
    return text.append('}').toString();
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
      return new MetricValues(values.clone());
    }
  }
}
