package dev.kelvin.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the operator's rule files in force are the ones on disk, for the log, {@code
 * /health} and the dashboard.
 *
 * @param broken true while the files on disk do not compile (or cannot be read), and older
 *     rules stay in force
 * @param detail what is in force, or for broken files each error with its file and line
 * @param since when the files last changed to what this status describes
 */
public record RulesStatus(boolean broken, String detail, Instant since) {
  public RulesStatus {
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(since, "since");
  }
}
