package dev.kelvin.core.audit;

import dev.kelvin.core.port.AuditLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An audit log that keeps the newest {@code capacity} records in memory. Use it where nothing
 * must outlive the process (tests, simulation runs); live mode keeps a durable log as well.
 */
public final class InMemoryAuditLog implements AuditLog {
  private final int capacity;
  private final ArrayDeque<AuditRecord> records = new ArrayDeque<>();
  private long lastSeq;

  public InMemoryAuditLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 record, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized AuditRecord append(AuditEvent event) {
    AuditRecord record = new AuditRecord(++lastSeq, event);
    records.addLast(record);
    if (records.size() > capacity) {
      records.removeFirst();
    }
    return record;
  }

  @Override
  public synchronized List<AuditRecord> since(long afterSeq, int max) {
    List<AuditRecord> out = new ArrayList<>();
    for (AuditRecord record : records) {
      if (record.seq() > afterSeq) {
        out.add(record);
        if (out.size() == max) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public synchronized List<AuditRecord> recent(int max) {
    List<AuditRecord> out = new ArrayList<>(Math.min(max, records.size()));
    Iterator<AuditRecord> newestFirst = records.descendingIterator();
    while (newestFirst.hasNext() && out.size() < max) {
      out.add(newestFirst.next());
    }
    Collections.reverse(out);
    return out;
  }

  @Override
  public synchronized long lastSeq() {
    return lastSeq;
  }
}
