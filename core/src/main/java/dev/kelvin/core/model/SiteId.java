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

  @Override
  public String toString() {
    return value;
  }
}
