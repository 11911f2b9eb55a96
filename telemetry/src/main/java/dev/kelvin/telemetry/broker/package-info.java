/**
 * The embedded MQTT broker (HiveMQ Community Edition) for the zero-setup default and demos:
 * loopback only, in-memory, anonymous statistics off, and a queue large enough that QoS 1
 * readings are not dropped silently. HiveMQ types stay inside this package.
 */
package dev.kelvin.telemetry.broker;
