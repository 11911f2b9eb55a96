package dev.kelvin.core.audit;

import java.util.Objects;

/** An audit event as stored: numbered in the order it was appended, from 1. */
public record AuditRecord(long seq, AuditEvent event) {
  public AuditRecord {
    Objects.requireNonNull(event, "event");
    if (seq < 1) {
      throw new IllegalArgumentException("audit seq starts at 1, was " + seq);
    }
  }
}
