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
 * @param fullAlarm an append was refused for want of space and the held bytes have not yet
 *     fallen back to 90% of the limit: the alarm to raise, which does not flap while appends
 *     of different sizes are refused and kept near the limit
 */
public record SpoolStats(long records, long bytes, long limitBytes, long tornRecords,
    long corruptRecords, long refusedRecords, boolean fullAlarm) {

  /** Stats of a spool whose full alarm is not raised. */
  public SpoolStats(long records, long bytes, long limitBytes, long tornRecords,
      long corruptRecords, long refusedRecords) {
    this(records, bytes, limitBytes, tornRecords, corruptRecords, refusedRecords, false);
  }

  /** Whether the spool is at its size limit, or its full alarm is raised. */
  public boolean full() {
    return fullAlarm || bytes >= limitBytes;
  }
}
