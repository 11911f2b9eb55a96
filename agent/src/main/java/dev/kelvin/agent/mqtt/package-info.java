/**
 * The agent's one MQTT connection, over Eclipse Paho (MQTT 5): connect with a Last Will,
 * subscribe, publish with delivery callbacks, and Paho's exceptions translated into
 * {@link dev.kelvin.agent.mqtt.MqttFailure}s a person can act on. No Paho type leaves this
 * package.
 */
package dev.kelvin.agent.mqtt;
