package dev.kelvin.telemetry.decode.telegraf;

import java.util.OptionalDouble;

/** Unit conversions at the Telegraf boundary, from the unit names Telegraf writes. */
final class Units {
  private Units() {}

  /**
   * {@code value} in degrees Celsius, from the unit ipmitool names ({@code degrees_c},
   * {@code degrees_f}, {@code degrees_k} as Telegraf writes them); empty for any other unit.
   */
  static OptionalDouble celsius(String unit, double value) {
    switch (unit) {
      case "degrees_c":
      case "celsius":
        return OptionalDouble.of(value);
      case "degrees_f":
      case "fahrenheit":
        return OptionalDouble.of((value - 32) * 5 / 9);
      case "degrees_k":
      case "kelvin":
        return OptionalDouble.of(value - 273.15);
      default:
        return OptionalDouble.empty();
    }
  }

  /** {@code value} in watts from {@code watts} or {@code kilowatts}; empty for other units. */
  static OptionalDouble watts(String unit, double value) {
    switch (unit) {
      case "watts":
        return OptionalDouble.of(value);
      case "kilowatts":
        return OptionalDouble.of(value * 1000);
      default:
        return OptionalDouble.empty();
    }
  }
}
