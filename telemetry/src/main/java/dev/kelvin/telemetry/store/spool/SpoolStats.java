package dev.kelvin.telemetry.store.spool;

/**
 * What a {@link Spool} holds and what it found damaged.
 *
 * @param records records held, not yet released
 * @param bytes bytes on disk for them (segment headers included)
 * @param limitBytes the size limit; a spool at it refuses appends
 * @param tornRecords records cut short at the end of a segment (a crash mid-write), skipped
 * @param corruptRecords records whose checksum did not match, skipped
 * @param refusedRecords appends refused because the spool was full
 */
public record SpoolStats(long records, long bytes, long limitBytes, long tornRecords,
    long corruptRecords, long refusedRecords) {

  /** Whether the spool is at its size limit. */
  public boolean full() {
    return bytes >= limitBytes;
  }
}
