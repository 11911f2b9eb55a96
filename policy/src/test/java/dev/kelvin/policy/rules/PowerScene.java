package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.Nodes;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.RuleParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One site, {@code site-a}, built up for the power rule tests: its nodes, the jobs on them, its
 * budgets and grid readings; {@link #decide} runs the shipped rules on it at {@link Nodes#NOW}.
 */
final class PowerScene {
  static final SiteId SITE = SiteId.of("site-a");
  private static RulePolicy shipped;

  private final List<NodeView> nodes = new ArrayList<>();
  private final List<Job> jobs = new ArrayList<>();
  private final List<PowerBudget> budgets = new ArrayList<>();
  private final List<FacilityReading> facility = new ArrayList<>();

  static NodeId id(String name) {
    return NodeId.of("site-a", name);
  }

  /** A node that has read the same for a minute, its setpoints settled. */
  PowerScene node(Readings reading) {
    nodes.add(Nodes.fresh(reading));
    return this;
  }

  PowerScene node(NodeView view) {
    nodes.add(view);
    return this;
  }

  /** A job of {@code priority} running on {@code node} for ten minutes. */
  PowerScene job(String name, String node, long priority) {
    jobs.add(new Job(new JobId(name), SITE, Job.State.RUNNING, List.of(id(node)), 1,
        Nodes.NOW.minusSeconds(900), Optional.of(Nodes.NOW.minusSeconds(600)),
        Duration.ofHours(2), priority, false, Optional.empty()));
    return this;
  }

  PowerScene siteBudget(double watts) {
    budgets.add(PowerBudget.ofSite(SITE, watts));
    return this;
  }

  PowerScene rackBudget(String rack, double watts) {
    budgets.add(PowerBudget.ofRack(SITE, RackId.of(rack), watts));
    return this;
  }

  PowerScene grid(FacilityKind kind, double value) {
    facility.add(new FacilityReading(new SensorId("grid"), SITE, Nodes.NOW.minusSeconds(30),
        kind, value));
    return this;
  }

  ClusterSnapshot snapshot() {
    TreeMap<NodeId, NodeView> byId = new TreeMap<>();
    TreeSet<RackId> racks = new TreeSet<>();
    for (NodeView view : nodes) {
      byId.put(view.id(), view);
      racks.add(view.rack());
    }
    TreeMap<JobId, Job> jobsById = new TreeMap<>();
    jobs.forEach(job -> jobsById.put(job.id(), job));
    SiteView site = new SiteView(SITE, racks, budgets, facility, List.of());
    return new ClusterSnapshot(Nodes.NOW, byId, new TreeMap<>(Map.of(SITE, site)), jobsById);
  }

  /** What the shipped rules with their default settings propose. */
  List<Action> decide(Prediction... predictions) {
    return shipped().decide(snapshot(), List.of(predictions));
  }

  /** What the shipped rules propose with {@code parameters}. */
  List<Action> decide(RuleParameters parameters, Prediction... predictions) {
    return RulePolicy.load(parameters, new ActionIds(Nodes.NOW))
        .decide(snapshot(), List.of(predictions));
  }

  private static synchronized RulePolicy shipped() {
    if (shipped == null) {
      shipped = RulePolicy.load(RuleParameters.defaults(), new ActionIds(Nodes.NOW));
    }
    return shipped;
  }
}
