package dev.kelvin.core.action;

import dev.kelvin.core.model.Numbers;
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
    return name + "=" + Numbers.plain(value, 2) + (unit.isEmpty() ? "" : " " + unit);
  }
}
