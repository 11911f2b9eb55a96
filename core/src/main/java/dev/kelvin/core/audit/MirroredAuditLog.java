package dev.kelvin.core.audit;

import dev.kelvin.core.port.AuditLog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An audit log whose every appended event is also handed to a mirror (the metric store's
 * {@code action} measurement) once the log itself has it. The log stays the record: a mirror
 * that fails never fails an append, and is counted instead.
 */
public final class MirroredAuditLog implements AuditLog {
  private final AuditLog log;
  private final Consumer<AuditEvent> mirror;
  private final AtomicLong mirrorFailures = new AtomicLong();

  public MirroredAuditLog(AuditLog log, Consumer<AuditEvent> mirror) {
    this.log = Objects.requireNonNull(log, "log");
    this.mirror = Objects.requireNonNull(mirror, "mirror");
  }

  @Override
  public AuditRecord append(AuditEvent event) {
    AuditRecord record = log.append(event);
    try {
      mirror.accept(event);
    } catch (RuntimeException failed) {
      mirrorFailures.incrementAndGet();
    }
    return record;
  }

  /** Events the mirror failed to take. */
  public long mirrorFailures() {
    return mirrorFailures.get();
  }

  @Override
  public List<AuditRecord> since(long afterSeq, int max) {
    return log.since(afterSeq, max);
  }

  @Override
  public List<AuditRecord> recent(int max) {
    return log.recent(max);
  }

  @Override
  public long lastSeq() {
    return log.lastSeq();
  }

  @Override
  public boolean writing() {
    return log.writing();
  }
}
