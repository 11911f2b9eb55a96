package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.model.FacilityKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * A unit a facility gateway may report a metric in, with its conversion into the unit of the
 * {@link FacilityKind} it maps onto. Units are matched by their symbols exactly, case and all
 * ({@code MW} is megawatts, {@code mW} would be milliwatts and is not accepted).
 */
public enum EngineeringUnit {
  CELSIUS(Dimension.TEMPERATURE, v -> v, "°C", "C", "degC", "Cel", "celsius"),
  FAHRENHEIT(Dimension.TEMPERATURE, v -> (v - 32) * 5 / 9, "°F", "F", "degF", "fahrenheit"),
  KELVIN(Dimension.TEMPERATURE, v -> v - 273.15, "K", "kelvin"),
  WATTS(Dimension.POWER, v -> v, "W", "watts"),
  KILOWATTS(Dimension.POWER, v -> v * 1_000, "kW", "kilowatts"),
  MEGAWATTS(Dimension.POWER, v -> v * 1_000_000, "MW", "megawatts"),
  RATIO(Dimension.FRACTION, v -> v, "ratio", "1", "fraction"),
  PERCENT(Dimension.FRACTION, v -> v / 100, "%", "percent"),
  SECONDS(Dimension.DURATION, v -> v, "s", "sec", "seconds"),
  MINUTES(Dimension.DURATION, v -> v * 60, "min", "minutes"),
  GRAMS_CO2_PER_KWH(Dimension.CARBON, v -> v, "gCO2/kWh", "g/kWh", "kgCO2/MWh", "kg/MWh"),
  PER_KWH(Dimension.PRICE, v -> v, "per kWh", "/kWh"),
  PER_MWH(Dimension.PRICE, v -> v / 1_000, "per MWh", "/MWh"),
  /** A two-state value (alarm raised/clear, unit on/off): Boolean true is 1, false 0. */
  BOOLEAN(Dimension.BINARY, v -> v, "bool", "boolean", "alarm", "state");

  /** What a unit measures; a metric maps only onto a kind of the same dimension. */
  public enum Dimension { TEMPERATURE, POWER, FRACTION, DURATION, CARBON, PRICE, BINARY }

  private final Dimension dimension;
  private final DoubleUnaryOperator toKindUnit;
  private final List<String> symbols;

  EngineeringUnit(Dimension dimension, DoubleUnaryOperator toKindUnit, String... symbols) {
    this.dimension = dimension;
    this.toKindUnit = toKindUnit;
    this.symbols = List.of(symbols);
  }

  public Dimension dimension() {
    return dimension;
  }

  /** The symbol this unit is written with first ({@code °F}, {@code kW}). */
  public String symbol() {
    return symbols.get(0);
  }

  /** Converts {@code value} in this unit into the unit of the kinds of its dimension. */
  public double convert(double value) {
    return toKindUnit.applyAsDouble(value);
  }

  /** The unit written {@code symbol} (leading and trailing blanks ignored), if known. */
  public static Optional<EngineeringUnit> fromSymbol(String symbol) {
    String trimmed = symbol.strip();
    return Arrays.stream(values()).filter(unit -> unit.symbols.contains(trimmed)).findFirst();
  }

  /** Every accepted symbol, for error messages. */
  public static String knownSymbols() {
    return Arrays.stream(values()).flatMap(unit -> unit.symbols.stream())
        .collect(Collectors.joining(" "));
  }

  /**
   * The dimension of {@code kind}, read from its unit.
   *
   * @throws IllegalArgumentException for a kind whose unit no conversion here covers
   */
  public static Dimension dimensionOf(FacilityKind kind) {
    return switch (kind.unit()) {
      case "°C" -> Dimension.TEMPERATURE;
      case "W" -> Dimension.POWER;
      case "ratio" -> Dimension.FRACTION;
      case "s" -> Dimension.DURATION;
      case "gCO2/kWh" -> Dimension.CARBON;
      case "per kWh" -> Dimension.PRICE;
      case "alarm", "state" -> Dimension.BINARY;
      default -> throw new IllegalArgumentException("facility kind " + kind + " is in '"
          + kind.unit() + "', which no Sparkplug unit conversion covers: add it to"
          + " EngineeringUnit");
    };
  }

  /** The unit a kind is stored in, as a gateway would write it. */
  public static EngineeringUnit nativeUnitOf(FacilityKind kind) {
    return switch (dimensionOf(kind)) {
      case TEMPERATURE -> CELSIUS;
      case POWER -> WATTS;
      case FRACTION -> RATIO;
      case DURATION -> SECONDS;
      case CARBON -> GRAMS_CO2_PER_KWH;
      case PRICE -> PER_KWH;
      case BINARY -> BOOLEAN;
    };
  }
}
