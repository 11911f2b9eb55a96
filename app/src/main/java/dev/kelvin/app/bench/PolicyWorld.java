package dev.kelvin.app.bench;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.SiteView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The input of {@code kelvin bench policy}: a {@link BenchSite} of the given size with three
 * minutes of simulated telemetry, a site budget at 90 % of the power it draws (so that the
 * budget rules have work), and the given number of jobs: jobs of 1 to 4 nodes running on every
 * node, the rest pending, with random priorities and one in five deferrable. Seeded.
 */
final class PolicyWorld {
  static final double BUDGET_SHARE = 0.9;

  private PolicyWorld() {}

  static ClusterSnapshot build(int nodes, int jobs, long seed) {
    ClusterSnapshot telemetry = new BenchSite(nodes, seed).snapshot();
    SplittableRandom random = new SplittableRandom(seed);
    TreeMap<JobId, Job> book = new TreeMap<>();
    List<NodeId> free = new ArrayList<>(telemetry.nodes().keySet());
    int next = 0;
    while (!free.isEmpty() && book.size() < jobs) {
      int size = Math.min(free.size(), 1 + random.nextInt(4));
      List<NodeId> on = new ArrayList<>(free.subList(0, size));
      free.subList(0, size).clear();
      book.put(id(next), job(id(next++), on, size, telemetry.at(), random));
    }
    while (book.size() < jobs) {
      book.put(id(next), job(id(next++), List.of(), 1 + random.nextInt(8), telemetry.at(),
          random));
    }
    TreeMap<dev.kelvin.core.model.SiteId, SiteView> sites = new TreeMap<>();
    for (SiteView site : telemetry.sites().values()) {
      double watts = telemetry.totalPowerWatts();
      sites.put(site.id(), new SiteView(site.id(), site.racks(),
          List.of(PowerBudget.ofSite(site.id(), Math.max(1, watts * BUDGET_SHARE))),
          site.facility(), site.openAlarms()));
    }
    return new ClusterSnapshot(telemetry.at(), telemetry.nodes(), sites, book);
  }

  private static JobId id(int n) {
    return new JobId(String.format(java.util.Locale.ROOT, "job-%06d", n));
  }

  private static Job job(JobId id, List<NodeId> on, int size, Instant now,
      SplittableRandom random) {
    NodeId any = on.isEmpty() ? null : on.get(0);
    Instant submitted = now.minusSeconds(600 + random.nextInt(7_200));
    Optional<Instant> started = on.isEmpty() ? Optional.empty()
        : Optional.of(submitted.plusSeconds(random.nextInt(600)));
    return new Job(id, any == null ? BenchSite.spec(1).site() : any.site(),
        on.isEmpty() ? Job.State.PENDING : Job.State.RUNNING, on, size, submitted, started,
        Duration.ofMinutes(30 + random.nextInt(24 * 60)), random.nextInt(1_000),
        random.nextInt(5) == 0, Optional.empty());
  }
}
