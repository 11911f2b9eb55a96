package dev.kelvin.core.validation;

/**
 * Why an input was refused. Ingestion counts rejects by reason and reports them at
 * {@code /api/ingest} and in {@code /health}; the names are stable because dashboards and
 * alerts key on them.
 */
public enum RejectReason {
  /** Not parseable at all: not JSON, not an object, truncated, NaN literal. */
  MALFORMED,
  /** Larger than the configured payload limit. */
  TOO_LARGE,
  /** The topic does not follow the wire conventions. */
  BAD_TOPIC,
  /** The payload names a different site or node than its topic. */
  TOPIC_MISMATCH,
  /** The payload's format version is not one this build understands. */
  UNSUPPORTED_VERSION,
  /** A required field is absent. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (a string where a number belongs, say). */
  WRONG_TYPE,
  /** A number is NaN or infinite. */
  NOT_FINITE,
  /** A number is outside the physical range of its unit. */
  OUT_OF_RANGE,
  /** Fields that are each valid contradict one another (minimum above maximum, say). */
  INCONSISTENT,
  /** The reading claims a time too far in the future of the receiver's clock. */
  CLOCK_SKEW,
  /** The same reading (node, sequence number, time) arrived before. */
  DUPLICATE,
  /** The node is not in the inventory and the inventory is closed. */
  UNKNOWN_NODE,
  /** Kelvin itself failed on the input: a bug to report, counted so that it is never silent. */
  INTERNAL_ERROR;

  /** Lower-case name used on the wire and in metrics labels, e.g. {@code out_of_range}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
