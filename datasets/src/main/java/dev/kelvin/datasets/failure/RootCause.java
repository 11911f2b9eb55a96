package dev.kelvin.datasets.failure;

/**
 * The root-cause category of a LANL failure record: the one of the log's six cause columns that
 * is filled ({@link #NOT_RECORDED} when none is, as on 453 of its 23,739 records).
 */
public enum RootCause {
  FACILITIES("Facilities"),
  HARDWARE("Hardware"),
  HUMAN_ERROR("Human Error"),
  NETWORK("Network"),
  UNDETERMINED("Undetermined"),
  SOFTWARE("Software"),
  NOT_RECORDED("");

  private final String column;

  RootCause(String column) {
    this.column = column;
  }

  /** The header of this cause's column in the log (empty for {@link #NOT_RECORDED}). */
  public String column() {
    return column;
  }
}
