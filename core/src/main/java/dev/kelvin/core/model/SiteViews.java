package dev.kelvin.core.model;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sites as the nodes' readings name them, with their racks: what a snapshot knows at least. */
final class SiteViews {
  private SiteViews() {}

  static SortedMap<SiteId, SiteView> fromNodes(Collection<NodeView> views) {
    SortedMap<SiteId, TreeSet<RackId>> racks = new TreeMap<>();
    for (NodeView view : views) {
      racks.computeIfAbsent(view.id().site(), site -> new TreeSet<>()).add(view.rack());
    }
    SortedMap<SiteId, SiteView> sites = new TreeMap<>();
    racks.forEach((site, siteRacks) -> sites.put(site,
        new SiteView(site, siteRacks, java.util.List.of(), java.util.List.of(),
            java.util.List.of())));
    return sites;
  }
}
