/**
 * Ingest end to end against the real services, as the product wires it: node agents publishing
 * through a real Mosquitto into Kelvin's telemetry subscriber and the InfluxDB store, with the
 * faults the must-shows name (the broker restarted mid-stream).
 */
package dev.kelvin.app.ingest;
