package dev.kelvin.core.port;

import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import java.util.List;

/** The append-only record of every action and what became of it. Thread-safe. */
public interface AuditLog {
  /** Appends {@code event} and returns it numbered. */
  AuditRecord append(AuditEvent event);

  /** Up to {@code max} records numbered after {@code afterSeq}, oldest first. */
  List<AuditRecord> since(long afterSeq, int max);

  /** The newest {@code max} records, oldest first. */
  List<AuditRecord> recent(int max);

  /** The number of the newest record, 0 when empty. */
  long lastSeq();
}
