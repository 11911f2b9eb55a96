/**
 * From MQTT message to admitted reading, without MQTT: strict JSON decoding of Kelvin
 * telemetry, admission into the live cluster state, and the accounting of every reject by
 * reason with a throttled log line, so that the pipeline can be tested and reused on its own.
 */
package dev.kelvin.telemetry.decode;
