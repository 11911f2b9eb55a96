/**
 * The wire conventions, once: MQTT topic layout, and the field names, units and checks of
 * Kelvin JSON telemetry, commands and acknowledgements. JSON syntax is left to each module's
 * parser; these classes work on the decoded maps.
 */
package dev.kelvin.core.wire;
