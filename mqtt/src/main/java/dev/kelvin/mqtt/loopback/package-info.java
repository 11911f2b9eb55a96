/**
 * An MQTT broker inside the process, on core's scheduler: the same session contract as a real
 * broker without a network, so that telemetry, actuators and agents run unchanged in virtual
 * time, in tests and in simulation.
 */
package dev.kelvin.mqtt.loopback;
