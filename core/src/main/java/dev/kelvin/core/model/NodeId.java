package dev.kelvin.core.model;

import dev.kelvin.core.validation.Names;
import java.util.Objects;

/**
 * A compute node. Node names are unique within a site, so the identity is the pair; it prints
 * as {@code site/node}, the same order as the MQTT topic levels.
 */
public record NodeId(SiteId site, String name) implements Comparable<NodeId> {
  public NodeId {
    Objects.requireNonNull(site, "site");
    Names.require("node", name);
  }

  public static NodeId of(String site, String name) {
    return new NodeId(SiteId.of(site), name);
  }

  @Override
  public int compareTo(NodeId other) {
    // by site, then name: written out, since every snapshot's node maps are sorted by it
    int bySite = site == other.site ? 0 : site.compareTo(other.site);
    return bySite != 0 ? bySite : name.compareTo(other.name);
  }

  /**
   * Written out, as {@link #compareTo} is: the snapshot's hash maps key on node ids every tick,
   * and the generated record methods cost several times as much.
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof NodeId that && name.equals(that.name)
        && (site == that.site || site.value().equals(that.site.value()));
  }

  @Override
  public int hashCode() {
    return 31 * site.value().hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return site + "/" + name;
  }
}
