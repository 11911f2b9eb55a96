package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.model.FacilityKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What one Sparkplug metric becomes: a facility reading of {@code kind}, its value read in
 * {@code unit} unless the metric's own {@code engUnit} property names another.
 *
 * @param unit the unit assumed when the gateway sends no {@code engUnit}; of the kind's
 *     dimension (a temperature kind takes °C, °F or K)
 */
public record MetricMapping(FacilityKind kind, EngineeringUnit unit) {
  public MetricMapping {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    if (unit.dimension() != EngineeringUnit.dimensionOf(kind)) {
      throw new IllegalArgumentException("unit " + unit.symbol() + " measures "
          + unit.dimension().name().toLowerCase(Locale.ROOT) + ", but " + kind + " is in "
          + kind.unit() + ": use one of " + unitsOf(kind));
    }
  }

  /** The kind in its own unit (°C, W, ratio, s, gCO2/kWh, per kWh, 0/1). */
  public static MetricMapping of(FacilityKind kind) {
    return new MetricMapping(kind, EngineeringUnit.nativeUnitOf(kind));
  }

  /**
   * Reads a mapping as an operator writes it in configuration: the kind's name in any case
   * ({@code crac_supply_temp_celsius}) and a unit symbol ({@code °F}, {@code kW}, {@code %}).
   *
   * @throws IllegalArgumentException naming the unknown kind or unit and what is accepted
   */
  public static MetricMapping parse(String kindName, String unitSymbol) {
    FacilityKind kind = Arrays.stream(FacilityKind.values())
        .filter(k -> k.name().equalsIgnoreCase(kindName.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("facility kind '" + kindName
            + "' is not one of "
            + Arrays.toString(FacilityKind.values()).toLowerCase(Locale.ROOT)));
    EngineeringUnit unit = EngineeringUnit.fromSymbol(unitSymbol)
        .orElseThrow(() -> new IllegalArgumentException("unit '" + unitSymbol + "' of "
            + kind + " is not one Kelvin converts; use one of " + unitsOf(kind)));
    return new MetricMapping(kind, unit);
  }

  private static String unitsOf(FacilityKind kind) {
    EngineeringUnit.Dimension dimension = EngineeringUnit.dimensionOf(kind);
    return Arrays.toString(Arrays.stream(EngineeringUnit.values())
        .filter(unit -> unit.dimension() == dimension).map(EngineeringUnit::symbol).toArray());
  }
}
