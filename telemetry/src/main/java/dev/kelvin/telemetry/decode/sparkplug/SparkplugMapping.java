package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.model.FacilityKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Sparkplug metric names become which facility readings. Names match exactly (case,
 * spaces and the {@code /} folder separators as the gateway writes them); a metric whose name
 * is not here is ignored and counted, not refused. {@link #defaults()} is the documented
 * default table; an operator adds or replaces entries with {@link #with}. Immutable.
 */
public final class SparkplugMapping {
  private final Map<String, MetricMapping> byName;

  private SparkplugMapping(Map<String, MetricMapping> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Exactly {@code byName}, without the defaults. */
  public static SparkplugMapping of(Map<String, MetricMapping> byName) {
    Objects.requireNonNull(byName, "byName");
    byName.keySet().forEach(SparkplugMapping::requireName);
    return new SparkplugMapping(byName);
  }

  /** The default table: one folder per kind of equipment, in each kind's own unit. */
  public static SparkplugMapping defaults() {
    Map<String, MetricMapping> table = new LinkedHashMap<>();
    put(table, "CRAC/Supply Air Temperature", FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS);
    put(table, "CRAC/Return Air Temperature", FacilityKind.CRAC_RETURN_TEMP_CELSIUS);
    put(table, "CRAC/Running", FacilityKind.CRAC_RUNNING);
    put(table, "PDU/Active Power", FacilityKind.PDU_POWER_WATTS);
    table.put("UPS/Load", new MetricMapping(FacilityKind.UPS_LOAD_RATIO, EngineeringUnit.PERCENT));
    put(table, "UPS/Output Power", FacilityKind.UPS_POWER_WATTS);
    table.put("UPS/Battery Charge",
        new MetricMapping(FacilityKind.UPS_BATTERY_CHARGE_RATIO, EngineeringUnit.PERCENT));
    put(table, "UPS/Battery Runtime", FacilityKind.UPS_RUNTIME_SECONDS);
    put(table, "UPS/On Battery", FacilityKind.UPS_ON_BATTERY);
    put(table, "Weather/Outdoor Temperature", FacilityKind.OUTDOOR_TEMP_CELSIUS);
    put(table, "Grid/Carbon Intensity", FacilityKind.GRID_CARBON_G_PER_KWH);
    put(table, "Grid/Price", FacilityKind.GRID_PRICE_PER_KWH);
    put(table, "Alarms/Fire", FacilityKind.ALARM_FIRE);
    put(table, "Alarms/Flood", FacilityKind.ALARM_FLOOD);
    put(table, "Alarms/Water Leak", FacilityKind.ALARM_WATER_LEAK);
    put(table, "Alarms/Seismic", FacilityKind.ALARM_SEISMIC);
    put(table, "Alarms/Utility Power Loss", FacilityKind.UTILITY_POWER_LOSS);
    put(table, "Alarms/Cooling Failure", FacilityKind.ALARM_COOLING_FAILURE);
    return new SparkplugMapping(table);
  }

  /** This table with {@code name} mapped to {@code mapping}, replacing any entry of that name. */
  public SparkplugMapping with(String name, MetricMapping mapping) {
    requireName(name);
    Objects.requireNonNull(mapping, "mapping");
    Map<String, MetricMapping> table = new LinkedHashMap<>(byName);
    table.put(name, mapping);
    return new SparkplugMapping(table);
  }

  /** This table with every entry of {@code overrides} added or replacing one of its name. */
  public SparkplugMapping withAll(Map<String, MetricMapping> overrides) {
    SparkplugMapping result = this;
    for (Map.Entry<String, MetricMapping> entry : overrides.entrySet()) {
      result = result.with(entry.getKey(), entry.getValue());
    }
    return result;
  }

  public Optional<MetricMapping> lookup(String metricName) {
    return Optional.ofNullable(byName.get(metricName));
  }

  /** Every entry, metric name to mapping. */
  public Map<String, MetricMapping> entries() {
    return byName;
  }

  private static void put(Map<String, MetricMapping> table, String name, FacilityKind kind) {
    table.put(name, MetricMapping.of(kind));
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a Sparkplug metric name in the mapping is blank:"
          + " write the name as the gateway's NBIRTH/DBIRTH declares it");
    }
  }
}
