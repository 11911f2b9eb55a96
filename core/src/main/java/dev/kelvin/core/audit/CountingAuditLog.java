package dev.kelvin.core.audit;

import dev.kelvin.core.port.AuditLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * An audit log that counts every event it appends by stage, then delegates: the one place that
 * says how many actions were applied, rejected, held... since start, so that the status line,
 * the dashboard and {@code /metrics} quote the same figures. Thread-safe.
 */
public final class CountingAuditLog implements AuditLog {
  private final AuditLog delegate;
  private final Map<AuditStage, LongAdder> counts = new EnumMap<>(AuditStage.class);

  public CountingAuditLog(AuditLog delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    for (AuditStage stage : AuditStage.values()) {
      counts.put(stage, new LongAdder());
    }
  }

  @Override
  public AuditRecord append(AuditEvent event) {
    AuditRecord record = delegate.append(event);
    counts.get(event.stage()).increment();
    return record;
  }

  /** Events appended at {@code stage} since this log was made. */
  public long count(AuditStage stage) {
    return counts.get(stage).sum();
  }

  @Override
  public List<AuditRecord> since(long afterSeq, int max) {
    return delegate.since(afterSeq, max);
  }

  @Override
  public List<AuditRecord> recent(int max) {
    return delegate.recent(max);
  }

  @Override
  public long lastSeq() {
    return delegate.lastSeq();
  }

  @Override
  public boolean writing() {
    return delegate.writing();
  }
}
