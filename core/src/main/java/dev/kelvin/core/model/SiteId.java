package dev.kelvin.core.model;

import dev.kelvin.core.validation.Names;

/** A data-center site, such as {@code site-a}. */
public record SiteId(String value) implements Comparable<SiteId> {
  public SiteId {
    Names.require("site", value);
  }

  public static SiteId of(String value) {
    return new SiteId(value);
  }

  @Override
  public int compareTo(SiteId other) {
    return value.compareTo(other.value);
  }

  /** Written out: site ids key hash maps every tick, and the generated method costs more. */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof SiteId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
