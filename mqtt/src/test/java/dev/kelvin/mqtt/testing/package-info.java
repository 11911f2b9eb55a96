/**
 * MQTT test kit for every module's tests: a plain Paho client that publishes and records, a
 * TCP relay that plays a network outage, and the contract every {@code MqttSession} keeps.
 */
package dev.kelvin.mqtt.testing;
