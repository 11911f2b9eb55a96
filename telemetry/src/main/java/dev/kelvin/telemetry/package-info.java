/**
 * MQTT ingestion of node telemetry: a subscriber that keeps the live {@code ClusterState} fed
 * from the broker through reconnects, and announces the controller's own status with a Last
 * Will. Paho types stay inside this package; callers see core types and these records.
 */
package dev.kelvin.telemetry;
