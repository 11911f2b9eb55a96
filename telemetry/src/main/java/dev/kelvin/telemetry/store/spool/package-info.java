/**
 * The disk spool: append-only segment files with a checksum per record, where the store keeps
 * what InfluxDB could not take, replayed in order once it answers again.
 */
package dev.kelvin.telemetry.store.spool;
