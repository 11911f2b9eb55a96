package dev.kelvin.core.audit;

import dev.kelvin.core.port.AuditLog;
import java.util.List;

/**
 * An audit log that keeps the newest {@code capacity} records in memory. Use it where nothing
 * must outlive the process (tests, simulation runs); live mode keeps a durable log as well.
 */
public final class InMemoryAuditLog implements AuditLog {
  private final AuditTail tail;
  private long lastSeq;

  public InMemoryAuditLog(int capacity) {
    this.tail = new AuditTail(capacity);
  }

  @Override
  public synchronized AuditRecord append(AuditEvent event) {
    AuditRecord record = new AuditRecord(++lastSeq, event);
    tail.add(record);
    return record;
  }

  @Override
  public synchronized List<AuditRecord> since(long afterSeq, int max) {
    return tail.since(afterSeq, max);
  }

  @Override
  public synchronized List<AuditRecord> recent(int max) {
    return tail.recent(max);
  }

  @Override
  public synchronized long lastSeq() {
    return lastSeq;
  }
}
