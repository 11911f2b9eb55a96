package dev.kelvin.core.action;

import java.util.Objects;

/**
 * One observation an action was based on, e.g. {@code cpu_temp_c = 91.2 °C}. Facts are what an
 * operator reads to judge whether the rule was right.
 */
public record Fact(String name, double value, String unit) {
  public Fact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
  }

  @Override
  public String toString() {
    String number = value == Math.rint(value) && Math.abs(value) < 1e12
        ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%.2f", value);
    return name + "=" + number + (unit.isEmpty() ? "" : " " + unit);
  }
}
