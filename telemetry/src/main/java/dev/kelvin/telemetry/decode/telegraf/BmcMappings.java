package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.NodeMetric;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measurements of a node's baseboard management controller: {@code ipmi_sensor} (both
 * metric_version 1, with a {@code status} field, and 2, with {@code entity_id},
 * {@code status_code} and {@code status_desc} tags), {@code redfish_thermal_temperatures}
 * and {@code redfish_power_powersupplies}. Sensors are recognised by name
 * ({@link SensorNames}); a sensor without a unit (a discrete state, "no reading") or of a unit
 * that is not its role's is ignored, as are Redfish members whose {@code state} is not
 * {@code Enabled}.
 */
final class BmcMappings {
  /** The Redfish power supply fields that give its power, best first. */
  private static final String[] SUPPLY_POWER = {"power_input_watts", "power_output_watts",
      "last_power_output_watts"};

  private final SensorNames names;

  BmcMappings(SensorNames names) {
    this.names = Objects.requireNonNull(names, "names");
  }

  void ipmiSensor(LineValues line) {
    Optional<String> name = line.tag("name");
    Optional<String> unit = line.tag("unit");
    if (name.isEmpty() || unit.isEmpty()) {
      return;
    }
    Optional<SensorNames.Role> role = names.roleOf(name.get(), line.tag("entity_id"))
        .filter(known -> inUnit(known, unit.get(), 0).isPresent());
    OptionalDouble value = role.isEmpty() ? OptionalDouble.empty()
        : line.number("value", unit.get());
    if (value.isPresent()) {
      line.node(role.get().metric(), role.get().aggregation(),
          SensorNames.normalized(name.get()),
          inUnit(role.get(), unit.get(), value.getAsDouble()).getAsDouble(), "value");
    }
  }

  /** {@code value} in {@code unit} converted to the role's unit; empty when it cannot be. */
  private static OptionalDouble inUnit(SensorNames.Role role, String unit, double value) {
    return role.temperature() ? Units.celsius(unit, value) : Units.watts(unit, value);
  }

  void redfishTemperature(LineValues line) {
    Optional<String> name = line.tag("name");
    if (name.isEmpty() || !enabled(line)) {
      return;
    }
    Optional<SensorNames.Role> role = names.roleOf(name.get(), Optional.empty())
        .filter(SensorNames.Role::temperature);
    OptionalDouble celsius = role.isEmpty() ? OptionalDouble.empty()
        : line.number("reading_celsius", "°C");
    if (celsius.isPresent()) {
      line.node(role.get().metric(), role.get().aggregation(),
          SensorNames.normalized(name.get()), celsius.getAsDouble(), "reading_celsius");
    }
  }

  void redfishPowerSupply(LineValues line) {
    if (!enabled(line)) {
      return;
    }
    String member = line.tag("member_id").or(() -> line.tag("name"))
        .orElse("line " + line.line().number());
    for (String field : SUPPLY_POWER) {
      OptionalDouble watts = line.number(field, "W");
      if (watts.isPresent()) {
        line.node(NodeMetric.POWER_WATTS, Aggregation.SUM, member, watts.getAsDouble(), field);
        return;
      }
    }
  }

  /** Whether a Redfish member is in service: no {@code state} tag, or {@code Enabled}. */
  private static boolean enabled(LineValues line) {
    return line.tag("state").map(state -> state.equalsIgnoreCase("Enabled")).orElse(true);
  }
}
