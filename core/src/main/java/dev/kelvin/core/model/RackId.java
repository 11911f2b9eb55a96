package dev.kelvin.core.model;

import dev.kelvin.core.validation.Names;

/** A rack within a site. {@link #UNKNOWN} stands for a sender that does not say. */
public record RackId(String value) implements Comparable<RackId> {
  /** The rack of a node whose telemetry does not name one. */
  public static final RackId UNKNOWN = new RackId("unknown");

  public RackId {
    Names.require("rack", value);
  }

  public static RackId of(String value) {
    return new RackId(value);
  }

  @Override
  public int compareTo(RackId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
