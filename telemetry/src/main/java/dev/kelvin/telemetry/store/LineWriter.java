package dev.kelvin.telemetry.store;

/**
 * Writes one batch of line protocol to the database and says how it went; never throws for a
 * database problem. The seam between {@link InfluxStore} and the InfluxDB client, so that the
 * batching, spooling and replay logic is tested without a server. Called from one thread.
 */
public interface LineWriter extends AutoCloseable {

  /**
   * Writes {@code lines} ({@code points} lines, each ending in a line break, timestamps in
   * milliseconds).
   */
  WriteOutcome write(String lines, int points);

  @Override
  default void close() {}
}
