package dev.kelvin.policy;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the snapshots of the availability rule tests at {@link Nodes#NOW}: sites with budgets
 * and alarms, fresh or silent nodes, running and pending jobs, and what the workload manager
 * says of each node's availability. The shipped rules are compiled once for all such tests.
 */
final class World {
  /** The shipped rules, compiled once: the rule base is immutable. */
  static final DroolsRuleBase RULES = DroolsRuleBase.compile(RuleFiles.policyRules());

  private final Map<SiteId, List<PowerBudget>> budgets = new TreeMap<>();
  private final Map<SiteId, List<Alarm>> alarms = new TreeMap<>();
  private final TreeMap<NodeId, NodeView> nodes = new TreeMap<>();
  private final TreeMap<JobId, Job> jobs = new TreeMap<>();
  private final TreeMap<NodeId, NodeAvailability> availability = new TreeMap<>();

  /** A policy of the shipped rules with {@code parameters}, numbering from a fresh counter. */
  static RulePolicy policy(RuleParameters parameters) {
    return new RulePolicy(RULES, parameters, new ActionIds(MutableClock.START));
  }

  static List<Action> decide(RuleParameters parameters, World world,
      List<Prediction> predictions) {
    return policy(parameters).decide(world.snapshot(), predictions);
  }

  World site(String site, double budgetWatts) {
    SiteId id = SiteId.of(site);
    budgets.computeIfAbsent(id, s -> new ArrayList<>()).add(PowerBudget.ofSite(id, budgetWatts));
    return this;
  }

  World alarm(String site, FacilityKind kind, String sensor, int openSeconds) {
    SiteId id = SiteId.of(site);
    alarms.computeIfAbsent(id, s -> new ArrayList<>()).add(new Alarm(new SensorId(sensor), id,
        kind, Nodes.NOW.minusSeconds(openSeconds), Nodes.NOW.minusSeconds(1)));
    return this;
  }

  /** A node heard from 2 s ago drawing {@code powerWatts}. */
  World node(String site, String name, double powerWatts) {
    return view(Nodes.fresh(reading(site, name, powerWatts)));
  }

  /** A node last heard from {@code silence} ago, marked stale. */
  World silentNode(String site, String name, double powerWatts, Duration silence) {
    return view(Nodes.stale(reading(site, name, powerWatts), silence));
  }

  /** The workload manager says {@code name} has been in {@code state} for {@code age}. */
  World state(String site, String name, NodeAvailability.State state, Duration age) {
    NodeId id = NodeId.of(site, name);
    availability.put(id, NodeAvailability.of(id, state, Nodes.NOW.minus(age)));
    return this;
  }

  /** {@code name}, in {@code state} for {@code age}, drained {@code drainedAgo} ago. */
  World drained(String site, String name, NodeAvailability.State state, Duration age,
      Duration drainedAgo, boolean byKelvin) {
    NodeId id = NodeId.of(site, name);
    availability.put(id, new NodeAvailability(id, state, Nodes.NOW.minus(age),
        Optional.of(Nodes.NOW.minus(drainedAgo)), byKelvin));
    return this;
  }

  World running(String job, String site, String... names) {
    List<NodeId> on = new ArrayList<>();
    for (String name : names) {
      on.add(NodeId.of(site, name));
    }
    Instant start = Nodes.NOW.minusSeconds(600);
    jobs.put(new JobId(job), new Job(new JobId(job), SiteId.of(site), Job.State.RUNNING, on,
        on.size(), start.minusSeconds(60), Optional.of(start), Duration.ofHours(4), 10, false,
        Optional.empty()));
    return this;
  }

  World pending(String job, String site, int size) {
    jobs.put(new JobId(job), new Job(new JobId(job), SiteId.of(site), Job.State.PENDING,
        List.of(), size, Nodes.NOW.minusSeconds(60), Optional.empty(), Duration.ofHours(1), 10,
        false, Optional.empty()));
    return this;
  }

  ClusterSnapshot snapshot() {
    TreeMap<SiteId, SiteView> sites = new TreeMap<>();
    TreeSet<SiteId> ids = new TreeSet<>(budgets.keySet());
    ids.addAll(alarms.keySet());
    nodes.keySet().forEach(node -> ids.add(node.site()));
    for (SiteId id : ids) {
      TreeSet<RackId> racks = new TreeSet<>();
      nodes.values().stream().filter(view -> view.id().site().equals(id))
          .forEach(view -> racks.add(view.rack()));
      sites.put(id, new SiteView(id, racks, budgets.getOrDefault(id, List.of()), List.of(),
          alarms.getOrDefault(id, List.of())));
    }
    return new ClusterSnapshot(Nodes.NOW, nodes, sites, jobs, availability);
  }

  private static Readings reading(String site, String name, double powerWatts) {
    return Readings.reading().node(NodeId.of(site, name)).with(NodeMetric.POWER_WATTS,
        powerWatts);
  }

  private World view(NodeView view) {
    nodes.put(view.id(), view);
    return this;
  }
}
