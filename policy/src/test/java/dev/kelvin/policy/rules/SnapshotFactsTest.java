package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SnapshotFactsTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");
  private static final NodeId N3 = NodeId.of("site-a", "n03");

  @Test
  void sums_the_power_of_fresh_nodes_per_site_and_rack_against_their_budgets() {
    List<Object> facts = SnapshotFacts.of(snapshot());

    SiteFact site = only(facts, SiteFact.class);
    assertThat(site.budgetWatts()).isEqualTo(1_000);
    assertThat(site.powerWatts()).isEqualTo(300 + 450);
    assertThat(site.headroomWatts()).isEqualTo(250);
    assertThat(site.nodes()).isEqualTo(3);
    assertThat(site.staleNodes()).isEqualTo(1);
    assertThat(site.silentSeconds()).isEqualTo(2);
    assertThat(site.carbonGramsPerKwh()).isEqualTo(420);
    assertThat(site.pricePerKwh()).isNaN();
    assertThat(site.openAlarms()).isEqualTo(1);
    RackFact rack = only(facts, RackFact.class);
    assertThat(rack.rack()).isEqualTo(RackId.of("r2"));
    assertThat(rack.powerWatts()).isEqualTo(450);
    assertThat(rack.headroomWatts()).isEqualTo(-50);
  }

  @Test
  void counts_running_jobs_per_node_and_gives_unknown_values_as_nan() {
    List<Object> facts = SnapshotFacts.of(snapshot());

    List<NodeFact> nodes = all(facts, NodeFact.class);
    assertThat(nodes).extracting(NodeFact::node).containsExactly(N1, N2, N3);
    assertThat(nodes).extracting(NodeFact::runningJobs).containsExactly(1, 0, 0);
    assertThat(nodes.get(1).cpuUtilRatio()).isNaN();
    assertThat(nodes.get(2).stale()).isTrue();
    assertThat(nodes.get(2).silentSeconds()).isEqualTo(300);
    JobFact job = only(facts, JobFact.class);
    assertThat(job.runningSeconds()).isEqualTo(120);
    assertThat(job.waitingSeconds()).isEqualTo(180);
    assertThat(job.checkpointAgeSeconds()).isEqualTo(120);
    AlarmFact alarm = only(facts, AlarmFact.class);
    assertThat(alarm.kind()).isEqualTo(FacilityKind.ALARM_COOLING_FAILURE);
    assertThat(alarm.openSeconds()).isEqualTo(60);
    assertThat(alarm.unconfirmedSeconds()).isEqualTo(10);
  }

  @Test
  void makes_the_facts_of_a_large_cluster_on_several_threads_exactly_as_on_one() {
    List<NodeView> views = new java.util.ArrayList<>();
    for (int i = 0; i < 3 * SnapshotFacts.PARALLEL_FROM; i++) {
      views.add(Nodes.fresh(Readings.reading().node(String.format("n%04d", i))
          .rack("r" + i % 7).with(NodeMetric.POWER_WATTS, 100 + i % 300)
          .with(NodeMetric.CPU_UTIL_RATIO, (i % 10) / 10.0)));
    }
    ClusterSnapshot large = ClusterSnapshot.of(Nodes.NOW, views);
    List<NodeFact> oneByOne = new java.util.ArrayList<>();
    WindowScans scans = new WindowScans();
    JobTallies noJobs = JobTallies.of(List.of());
    for (NodeView view : large.views()) {
      oneByOne.add(NodeFact.of(view, large, noJobs, scans));
    }

    assertThat(all(SnapshotFacts.of(large), NodeFact.class)).containsExactlyElementsOf(oneByOne);
  }

  private static ClusterSnapshot snapshot() {
    NodeView n1 = Nodes.fresh(Readings.reading().node("n01").rack("r1"));
    NodeView n2 = Nodes.fresh(Readings.reading().node("n02").rack("r2")
        .with(NodeMetric.POWER_WATTS, 450).without(NodeMetric.CPU_UTIL_RATIO));
    NodeView n3 = Nodes.stale(Readings.reading().node("n03").rack("r2")
        .with(NodeMetric.POWER_WATTS, 999), Duration.ofMinutes(5));
    SiteView site = new SiteView(SITE, new TreeSet<>(List.of(RackId.of("r1"), RackId.of("r2"))),
        List.of(PowerBudget.ofSite(SITE, 1_000), PowerBudget.ofRack(SITE, RackId.of("r2"), 400)),
        List.of(new FacilityReading(new SensorId("grid"), SITE, Nodes.NOW.minusSeconds(30),
            FacilityKind.GRID_CARBON_G_PER_KWH, 420)),
        List.of(new Alarm(new SensorId("crac-1"), SITE, FacilityKind.ALARM_COOLING_FAILURE,
            Nodes.NOW.minusSeconds(60), Nodes.NOW.minusSeconds(10))));
    Job job = new Job(new JobId("j1"), SITE, Job.State.RUNNING, List.of(N1), 1,
        Nodes.NOW.minusSeconds(180), Optional.of(Nodes.NOW.minusSeconds(120)),
        Duration.ofHours(1), 10, false, Optional.empty());
    TreeMap<NodeId, NodeView> nodes = new TreeMap<>();
    for (NodeView view : List.of(n1, n2, n3)) {
      nodes.put(view.id(), view);
    }
    return new ClusterSnapshot(Nodes.NOW, nodes, new TreeMap<>(java.util.Map.of(SITE, site)),
        new TreeMap<>(java.util.Map.of(job.id(), job)));
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T> T only(List<Object> facts, Class<T> type) {
    List<T> found = all(facts, type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
