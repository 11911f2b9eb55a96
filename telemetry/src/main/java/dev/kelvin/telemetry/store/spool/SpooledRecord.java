package dev.kelvin.telemetry.store.spool;

import java.util.Objects;

/**
 * One record held by a {@link Spool}: its bytes and where it sits, so that
 * {@link Spool#release} can tell it from the records after it.
 *
 * @param position increases with every record appended, across segments and restarts
 */
public record SpooledRecord(long position, byte[] bytes) {
  public SpooledRecord {
    Objects.requireNonNull(bytes, "bytes");
  }
}
