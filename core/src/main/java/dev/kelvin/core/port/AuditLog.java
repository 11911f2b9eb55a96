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

  /**
   * Whether every record appended so far has reached the log's storage: false from the first
   * record that could not be written until every record kept back meanwhile has been written.
   * The control loop appends an action's record of intent, then asks this before it sends the
   * action: nothing is carried out without its record. A log in memory is always writing.
   */
  default boolean writing() {
    return true;
  }
}
