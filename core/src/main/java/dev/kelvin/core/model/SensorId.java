package dev.kelvin.core.model;

import dev.kelvin.core.validation.Names;

/** A facility sensor (a CRAC unit, PDU, UPS, weather station or alarm panel). */
public record SensorId(String value) {
  public SensorId {
    Names.require("sensor", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
