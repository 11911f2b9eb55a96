package dev.kelvin.core.prediction;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.util.Objects;

/** What a forecast is about: one node or a whole site. */
public sealed interface ForecastScope permits ForecastScope.OfNode, ForecastScope.OfSite {

  static ForecastScope node(NodeId node) {
    return new OfNode(node);
  }

  static ForecastScope site(SiteId site) {
    return new OfSite(site);
  }

  /** A forecast for one node. */
  record OfNode(NodeId node) implements ForecastScope {
    public OfNode {
      Objects.requireNonNull(node, "node");
    }
  }

  /** A forecast for a whole site. */
  record OfSite(SiteId site) implements ForecastScope {
    public OfSite {
      Objects.requireNonNull(site, "site");
    }
  }
}
