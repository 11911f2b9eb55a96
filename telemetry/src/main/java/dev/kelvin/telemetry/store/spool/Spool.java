package dev.kelvin.telemetry.store.spool;

import java.util.Optional;

/**
 * A durable first-in first-out queue of opaque records (each a batch of points the store could
 * not write), kept until the store has written them. Records come back in the order they were
 * appended, across restarts. Implementations are thread-safe: one writer thread appends while
 * one replay thread peeks and releases.
 */
public interface Spool extends AutoCloseable {

  /**
   * Appends one record; once this returns the record survives a crash of the process.
   *
   * @throws SpoolFullException when the record would take the spool past its size limit (the
   *     record is not kept: the caller raises the alarm and keeps it elsewhere or counts it)
   */
  void append(byte[] record);

  /** The oldest record not yet released, without removing it; empty when none is held. */
  Optional<SpooledRecord> peek();

  /** Removes {@code record}, which {@link #peek()} returned, once the store has written it. */
  void release(SpooledRecord record);

  /** Depth, size and damage counts now. */
  SpoolStats stats();

  @Override
  void close();
}
