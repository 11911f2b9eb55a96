package dev.kelvin.simulator.report;

import java.util.Arrays;

/**
 * A quantity over simulated time, piecewise constant: {@code values[i]} holds from
 * {@code timesS[i]} until {@code timesS[i + 1]} (the last one until the end of the run).
 *
 * @param name what it is, as a plot labels it
 * @param unit its unit ("W", "°C", "jobs")
 * @param timesS seconds of simulated time from the run's start, ascending
 */
public record Series(String name, String unit, double[] timesS, double[] values) {
  public Series {
    if (timesS.length != values.length) {
      throw new IllegalArgumentException("series " + name + ": " + timesS.length + " times but "
          + values.length + " values");
    }
  }

  public int size() {
    return timesS.length;
  }

  /** Appends points, recording a value only when it changes; then {@link #build()}. */
  public static final class Builder {
    private final String name;
    private final String unit;
    private double[] times = new double[64];
    private double[] values = new double[64];
    private int size;

    public Builder(String name, String unit) {
      this.name = name;
      this.unit = unit;
    }

    /** Records {@code value} from {@code timeS} on; a later call at the same time replaces it. */
    public void add(double timeS, double value) {
      if (size > 0 && times[size - 1] == timeS) {
        values[size - 1] = value;
        if (size > 1 && values[size - 2] == value) {
          size--;
        }
        return;
      }
      if (size > 0 && values[size - 1] == value) {
        return;
      }
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      times[size] = timeS;
      values[size] = value;
      size++;
    }

    public Series build() {
      return new Series(name, unit, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
    }
  }
}
