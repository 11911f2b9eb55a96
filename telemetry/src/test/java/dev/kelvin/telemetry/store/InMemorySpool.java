package dev.kelvin.telemetry.store;

import dev.kelvin.telemetry.store.spool.Spool;
import dev.kelvin.telemetry.store.spool.SpoolFullException;
import dev.kelvin.telemetry.store.spool.SpoolStats;
import dev.kelvin.telemetry.store.spool.SpooledRecord;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A spool in memory for tests, with a size limit in bytes (the record bytes only), and a switch
 * that makes every call fail as a broken disk would. Closed, it refuses every call until
 * {@link #reopen()}.
 */
final class InMemorySpool implements Spool {
  private final long limitBytes;
  private final ArrayDeque<SpooledRecord> records = new ArrayDeque<>();
  private long bytes;
  private long nextPosition;
  private long refused;
  private boolean broken;
  private boolean closed;
  private boolean fullAlarm;

  InMemorySpool(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  @Override
  public synchronized void append(byte[] record) {
    check();
    if (bytes + record.length > limitBytes) {
      refused++;
      throw new SpoolFullException("record of " + record.length + " bytes over the limit of "
          + limitBytes + " bytes");
    }
    records.addLast(new SpooledRecord(nextPosition++, record.clone()));
    bytes += record.length;
  }

  @Override
  public synchronized Optional<SpooledRecord> peek() {
    check();
    return Optional.ofNullable(records.peekFirst());
  }

  @Override
  public synchronized void release(SpooledRecord record) {
    check();
    SpooledRecord head = records.peekFirst();
    if (head == null || head.position() != record.position()) {
      throw new IllegalStateException("release of " + record.position() + " but the head is "
          + (head == null ? "none" : head.position()));
    }
    records.removeFirst();
    bytes -= record.bytes().length;
  }

  @Override
  public synchronized SpoolStats stats() {
    check();
    return new SpoolStats(records.size(), bytes, limitBytes, 0, 0, refused, fullAlarm);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Reports the spool full (as the disk spool does until it is back under 90%) or not. */
  synchronized void holdFullAlarm(boolean value) {
    fullAlarm = value;
  }

  synchronized void breakDisk(boolean value) {
    broken = value;
  }

  synchronized boolean closed() {
    return closed;
  }

  /** Opens the closed spool again with what it held, as the next run of Kelvin would. */
  synchronized void reopen() {
    closed = false;
  }

  private void check() {
    if (broken) {
      throw new IllegalStateException("disk failure (test)");
    }
    if (closed) {
      throw new IllegalStateException("the spool is closed");
    }
  }
}
