/**
 * The one MQTT session layer, over Eclipse Paho (MQTT 5): sessions with a clean or persistent
 * session, a Last Will and reconnect pacing on core's scheduler, subscriptions renewed on every
 * connect, Paho's exceptions and reason codes translated into failures a person can act on,
 * and the strict JSON mapper every MQTT payload goes through. No Paho type leaves this module.
 */
package dev.kelvin.mqtt;
