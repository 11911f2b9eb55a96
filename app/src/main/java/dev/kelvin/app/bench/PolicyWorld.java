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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
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
  /** How far the site runs on between two ticks: the control loop's default interval. */
  static final Duration TICK = Duration.ofSeconds(1);

  private final BenchSite site;
  private final TreeMap<JobId, Job> book;
  private final List<PowerBudget> budgets;

  private PolicyWorld(BenchSite site, TreeMap<JobId, Job> book, List<PowerBudget> budgets) {
    this.site = site;
    this.book = book;
    this.budgets = budgets;
  }

  /** The world's first snapshot; see {@link #world} for one that runs on. */
  static ClusterSnapshot build(int nodes, int jobs, long seed) {
    return world(nodes, jobs, seed).snapshot();
  }

  /** A world of {@code nodes} and {@code jobs} whose telemetry runs on tick by tick. */
  static PolicyWorld world(int nodes, int jobs, long seed) {
    return world(new BenchSite(nodes, seed), jobs, seed);
  }

  /** As {@link #world(int, int, long)}, on {@code site}. */
  static PolicyWorld world(BenchSite site, int jobs, long seed) {
    ClusterSnapshot telemetry = site.snapshot();
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
    List<PowerBudget> budgets = new ArrayList<>();
    for (SiteView view : telemetry.sites().values()) {
      budgets.add(PowerBudget.ofSite(view.id(),
          Math.max(1, telemetry.totalPowerWatts() * BUDGET_SHARE)));
    }
    return new PolicyWorld(site, book, budgets);
  }

  /** The site now, with the jobs and the budget the world was built with. */
  ClusterSnapshot snapshot() {
    ClusterSnapshot telemetry = site.snapshot();
    TreeMap<dev.kelvin.core.model.SiteId, SiteView> sites = new TreeMap<>();
    for (SiteView view : telemetry.sites().values()) {
      sites.put(view.id(), new SiteView(view.id(), view.racks(), budgets.stream()
          .filter(budget -> budget.site().equals(view.id())).toList(), view.facility(),
          view.openAlarms()));
    }
    return new ClusterSnapshot(telemetry.at(), telemetry.nodes(), sites, book);
  }

  /** Runs the site on by one tick. */
  void tick() {
    site.advance(TICK);
  }

  BenchSite site() {
    return site;
  }

  /** The jobs the world was built with, by id. */
  SortedMap<JobId, Job> jobs() {
    return Collections.unmodifiableSortedMap(book);
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
