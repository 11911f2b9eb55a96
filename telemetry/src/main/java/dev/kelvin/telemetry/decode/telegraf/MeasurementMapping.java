package dev.kelvin.telemetry.decode.telegraf;

/**
 * How the lines of one Telegraf measurement become values of a node reading. A mapping reads
 * the line's tags and fields through {@link LineValues} and adds what it understands; a line
 * it adds nothing for is ignored, and one it cannot accept is refused by the exception that
 * {@link LineValues} throws.
 */
@FunctionalInterface
interface MeasurementMapping {
  void map(LineValues line);
}
