package dev.kelvin.predictor.history;

import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import dev.kelvin.core.prediction.ForecastScope;
import java.util.List;
import java.util.Objects;

/**
 * One site's failure history read back ({@code nodeFailures}): per node with any change of
 * availability stored, since when it is known and its failures in the range read.
 */
public record SiteFailures(SiteId site, List<NodeFailures> nodes) implements ScopeHistory {
  public SiteFailures {
    Objects.requireNonNull(site, "site");
    nodes = List.copyOf(nodes);
  }

  @Override
  public ForecastScope scope() {
    return ForecastScope.site(site);
  }
}
