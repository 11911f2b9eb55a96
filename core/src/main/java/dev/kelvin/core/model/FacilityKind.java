package dev.kelvin.core.model;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;

/**
 * What a facility sensor measures, with its unit and accepted range. Alarms are 0 (clear) or
 * 1 (raised); states ({@code CRAC_RUNNING}) are 0 (off) or 1 (on) and raise no alarm.
 */
public enum FacilityKind {
  CRAC_SUPPLY_TEMP_CELSIUS("°C", -20, 60),
  CRAC_RETURN_TEMP_CELSIUS("°C", -20, 80),
  /** Whether the CRAC unit runs: 1 on, 0 off (stopped or in standby). */
  CRAC_RUNNING("state", 0, 1),
  PDU_POWER_WATTS("W", 0, 5_000_000),
  UPS_LOAD_RATIO("ratio", 0, 2),
  UPS_ON_BATTERY("alarm", 0, 1),
  /** Real power the UPS delivers to its load. */
  UPS_POWER_WATTS("W", 0, 5_000_000),
  /** State of charge of the UPS battery, 0 empty to 1 full. */
  UPS_BATTERY_CHARGE_RATIO("ratio", 0, 1),
  /** How long the UPS battery would carry the present load; at most a week. */
  UPS_RUNTIME_SECONDS("s", 0, 604_800),
  OUTDOOR_TEMP_CELSIUS("°C", -60, 60),
  GRID_CARBON_G_PER_KWH("gCO2/kWh", 0, 2_000),
  GRID_PRICE_PER_KWH("per kWh", 0, 10),
  ALARM_FIRE("alarm", 0, 1),
  ALARM_FLOOD("alarm", 0, 1),
  ALARM_SEISMIC("alarm", 0, 1),
  UTILITY_POWER_LOSS("alarm", 0, 1),
  ALARM_COOLING_FAILURE("alarm", 0, 1),
  ALARM_WATER_LEAK("alarm", 0, 1);

  private final String unit;
  private final double min;
  private final double max;

  FacilityKind(String unit, double min, double max) {
    this.unit = unit;
    this.min = min;
    this.max = max;
  }

  public String unit() {
    return unit;
  }

  public boolean isAlarm() {
    return unit.equals("alarm");
  }

  /** Returns {@code value} when finite and in range, else throws naming kind and unit. */
  public double check(double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(RejectReason.NOT_FINITE, "value",
          name() + " value must be a finite number of " + unit + ", was " + value);
    }
    if (value < min || value > max) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "value",
          name() + " value must be within " + min + ".." + max + " " + unit + ", was " + value
              + (isAlarm() ? " (alarms are 0 = clear or 1 = raised)" : ""));
    }
    return value;
  }
}
