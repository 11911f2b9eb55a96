package dev.kelvin.app.ops;

import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.port.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An audit log that also counts every appended event by stage for Prometheus
 * ({@code kelvin_actions_total{stage="applied"}}), then delegates.
 */
public final class CountingAuditLog implements AuditLog {
  private final AuditLog delegate;
  private final Map<AuditStage, Counter> counters = new EnumMap<>(AuditStage.class);

  public CountingAuditLog(AuditLog delegate, MeterRegistry registry) {
    this.delegate = delegate;
    for (AuditStage stage : AuditStage.values()) {
      counters.put(stage, Counter.builder("kelvin.actions")
          .description("Audit events by stage: proposals approved, rejected, applied, failed...")
          .tag("stage", stage.label()).register(registry));
    }
  }

  @Override
  public AuditRecord append(AuditEvent event) {
    AuditRecord record = delegate.append(event);
    counters.get(event.stage()).increment();
    return record;
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
}
