/**
 * History from InfluxDB: {@link dev.kelvin.telemetry.store.history.InfluxHistory} answers the
 * core {@link dev.kelvin.core.port.HistorySource} port with InfluxQL queries over the schema
 * that {@link dev.kelvin.telemetry.store.LinePoints} writes, through a client of its own built
 * from the store's {@link dev.kelvin.telemetry.store.InfluxSettings}. Queries are built in one
 * place ({@link dev.kelvin.telemetry.store.history.HistoryQueries}) with every identifier and
 * string literal quoted ({@link dev.kelvin.telemetry.store.history.InfluxQl}).
 */
package dev.kelvin.telemetry.store.history;
