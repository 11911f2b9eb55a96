package dev.kelvin.simulator;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.workload.WorkSegment;
import dev.kelvin.simulator.workload.Workload;
import dev.kelvin.simulator.workload.WorkloadSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small sites for tests. */
final class Sites {
  private Sites() {}

  /** One default node at {@code inletCelsius} that runs a job of {@code demand} forever. */
  static SimulatedSite loaded(Instant start, double inletCelsius, double demandRatio) {
    SiteSpec spec = new SiteSpec(SiteId.of("lab"), 1, 1, NodeSpec.defaults(),
        List.of(inletCelsius), WorkloadSpec.demo());
    Workload forever = (node, at) ->
        new WorkSegment.Job(new JobId("hpl"), demandRatio, Duration.ofDays(365));
    return new SimulatedSite(spec, 1, start, forever);
  }

  /** One default node at {@code inletCelsius} that runs a CPU-bound job forever. */
  static SimulatedSite fullyLoaded(Instant start, double inletCelsius) {
    return loaded(start, inletCelsius, 1.0);
  }

  /** {@link #fullyLoaded(Instant, double)} at 24 °C inlet. */
  static SimulatedSite fullyLoaded(Instant start) {
    return fullyLoaded(start, 24);
  }
}
