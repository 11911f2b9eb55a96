package dev.kelvin.core.ingest;

import dev.kelvin.core.validation.RejectReason;
import java.time.Instant;
import java.util.Objects;

/**
 * One rejected input as shown to operators: when, where from (topic or node), why, the field
 * at fault and the message.
 */
public record RejectSample(Instant at, String source, RejectReason reason, String field,
    String message) {
  public RejectSample {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
