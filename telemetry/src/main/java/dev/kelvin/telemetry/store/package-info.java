/**
 * Kelvin's readings and actions kept in InfluxDB 1.x: line protocol ({@code LinePoints}),
 * batched writes bounded in size and time by the store's own thread ({@code InfluxStore}), a
 * spool for what InfluxDB does not take, replayed in order once it answers
 * ({@code SpoolingWriter}), and the counts {@code /metrics} and {@code /health} show
 * ({@code StoreStats}). influxdb-java stays inside {@code InfluxLineWriter}.
 */
package dev.kelvin.telemetry.store;
