/**
 * Telegraf's MQTT output in InfluxDB line protocol ({@code data_format = "influx"}), one metric
 * per message or a batch per message: {@link dev.kelvin.telemetry.decode.telegraf.LineProtocol}
 * parses the lines as the InfluxDB line-protocol reference defines them, and
 * {@link dev.kelvin.telemetry.decode.telegraf.TelegrafCodec} maps the measurements Kelvin knows
 * ({@code ipmi_sensor}, {@code powerstat_package}, {@code powerstat_core}, {@code nvidia_smi},
 * {@code redfish_thermal_temperatures}, {@code redfish_power_powersupplies}, {@code cpu},
 * {@code mem}, {@code temp}) onto node readings, converting units at this boundary. A bad line
 * is refused with its line number, column and reason while the other lines of the message are
 * kept; lines of other measurements are counted as ignored.
 */
package dev.kelvin.telemetry.decode.telegraf;
