package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.IdleSettings;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The availability facts and the idle plan's arithmetic, without Drools. */
class AvailabilityFactsTest {
  private static final SiteId SITE = SiteId.of("site-a");

  private static NodeId node(String name) {
    return NodeId.of("site-a", name);
  }

  /**
   * n01 busy with j1 (400 W), n02 and n03 idle for 30 and 20 min, n04 suspended (silent for an
   * hour), n05 idle but stale; a pending job asks for 2 nodes and another for 9 (more than the
   * site has).
   */
  private static ClusterSnapshot snapshot(Duration busySilence) {
    TreeMap<NodeId, NodeView> views = new TreeMap<>();
    views.put(node("n01"), busySilence.isZero()
        ? Nodes.fresh(reading("n01", 400)) : Nodes.stale(reading("n01", 400), busySilence));
    views.put(node("n02"), Nodes.fresh(reading("n02", 120)));
    views.put(node("n03"), Nodes.fresh(reading("n03", 120)));
    views.put(node("n04"), Nodes.stale(reading("n04", 20), Duration.ofHours(1)));
    views.put(node("n05"), Nodes.stale(reading("n05", 120), Duration.ofMinutes(2)));
    TreeMap<NodeId, NodeAvailability> availability = new TreeMap<>();
    put(availability, "n01", NodeAvailability.State.BUSY, Duration.ofHours(2));
    put(availability, "n02", NodeAvailability.State.IDLE, Duration.ofMinutes(30));
    put(availability, "n03", NodeAvailability.State.IDLE, Duration.ofMinutes(20));
    put(availability, "n04", NodeAvailability.State.SUSPENDED, Duration.ofHours(1));
    put(availability, "n05", NodeAvailability.State.IDLE, Duration.ofHours(3));
    TreeMap<JobId, Job> jobs = new TreeMap<>();
    jobs.put(new JobId("j1"), new Job(new JobId("j1"), SITE, Job.State.RUNNING,
        List.of(node("n01")), 1, Nodes.NOW.minusSeconds(900),
        Optional.of(Nodes.NOW.minusSeconds(600)), Duration.ofHours(1), 0, false,
        Optional.empty()));
    jobs.put(new JobId("j2"), pending("j2", 2));
    jobs.put(new JobId("j3"), pending("j3", 9));
    return new ClusterSnapshot(Nodes.NOW, views,
        ClusterSnapshot.of(Nodes.NOW, views.values()).sites(), jobs, availability);
  }

  private static Job pending(String id, int size) {
    return new Job(new JobId(id), SITE, Job.State.PENDING, List.of(), size,
        Nodes.NOW.minusSeconds(60), Optional.empty(), Duration.ofHours(1), 0, false,
        Optional.empty());
  }

  private static Readings reading(String name, double watts) {
    return Readings.reading().node(name).with(NodeMetric.POWER_WATTS, watts);
  }

  private static void put(TreeMap<NodeId, NodeAvailability> map, String name,
      NodeAvailability.State state, Duration age) {
    map.put(node(name), NodeAvailability.of(node(name), state, Nodes.NOW.minus(age)));
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<Object> facts(ClusterSnapshot snapshot, Prediction... predictions) {
    return SnapshotFacts.of(snapshot, List.of(predictions));
  }

  @Test
  void counts_the_site_and_ranks_free_idle_nodes_longest_first() {
    List<Object> facts = facts(snapshot(Duration.ZERO));

    SiteAvailabilityFact site = all(facts, SiteAvailabilityFact.class).get(0);
    assertThat(site.nodes()).isEqualTo(5);
    assertThat(site.idle()).isEqualTo(2);
    assertThat(site.busy()).isEqualTo(1);
    assertThat(site.suspended()).isEqualTo(1);
    assertThat(site.pendingDemandNodes()).isEqualTo(2);
    assertThat(site.forecastBusyNodes()).isEqualTo(-1);
    assertThat(site.idleSecondsLongestFirst()).containsExactly(1800.0, 1200.0);
    assertThat(all(facts, NodeStateFact.class)).extracting(NodeStateFact::node,
        NodeStateFact::idleRank, NodeStateFact::wakeRank).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(node("n02"), 0, -1),
            org.assertj.core.groups.Tuple.tuple(node("n03"), 1, -1),
            org.assertj.core.groups.Tuple.tuple(node("n04"), -1, 0),
            org.assertj.core.groups.Tuple.tuple(node("n05"), -1, -1));
  }

  @Test
  void leaves_suspended_nodes_out_of_the_site_lease_and_counts_the_load_of_busy_ones() {
    SiteLeaseFact heard = all(facts(snapshot(Duration.ZERO)), SiteLeaseFact.class).get(0);
    SiteLeaseFact busyNodeSilent = all(facts(snapshot(Duration.ofMinutes(3))),
        SiteLeaseFact.class).get(0);

    assertThat(heard.reportingNodes()).isEqualTo(4);
    assertThat(heard.silentSeconds()).isEqualTo(2);
    assertThat(heard.loadWatts()).isEqualTo(400);
    // the idle nodes are still heard: one silent node is no lost lease
    assertThat(busyNodeSilent.silentSeconds()).isEqualTo(2);
    assertThat(busyNodeSilent.lostAfter(60)).isFalse();
  }

  @Test
  void reads_busy_nodes_from_a_forecast_by_utilisation_or_by_power() {
    LoadForecast byUtil = new LoadForecast(ForecastScope.site(SITE), Duration.ofMinutes(15),
        0, OptionalDouble.of(0.5), "load-1");
    LoadForecast byPower = new LoadForecast(ForecastScope.site(SITE), Duration.ofMinutes(15),
        1_000, OptionalDouble.empty(), "load-2");

    SiteAvailabilityFact util = all(facts(snapshot(Duration.ZERO), byUtil),
        SiteAvailabilityFact.class).get(0);
    SiteAvailabilityFact power = all(facts(snapshot(Duration.ZERO), byPower),
        SiteAvailabilityFact.class).get(0);

    assertThat(util.forecastBusyNodes()).isEqualTo(3);
    assertThat(util.forecastModel()).isEqualTo("load-1");
    assertThat(power.forecastBusyNodes()).isEqualTo(3);
  }

  @Test
  void plans_to_keep_the_spare_pool_plus_pending_and_forecast_demand() {
    SiteAvailabilityFact site = new SiteAvailabilityFact(SITE, 100, 12, 80, 8, 0, 3, 84,
        "load-1", List.of(3000.0, 2000.0, 1000.0, 900.0, 800.0, 700.0, 600.0, 500.0, 400.0,
            300.0, 200.0, 100.0));

    IdlePlan plan = IdlePlan.of(site, new IdleSettings(Duration.ofMinutes(10), 2, 0.05, 10, 5));

    // spare 5 (5 % of 100) + pending 3 + forecast 84 - 80 busy = 12 kept: nothing to suspend
    assertThat(plan.keepNodes()).isEqualTo(12);
    assertThat(plan.suspend()).isZero();
    assertThat(plan.wake()).isZero();
    assertThat(plan.modelVersion()).contains("load-1");
  }

  @Test
  void suspends_at_most_the_long_idle_nodes_and_wakes_at_most_the_rate() {
    SiteAvailabilityFact idle = new SiteAvailabilityFact(SITE, 20, 10, 10, 0, 0, 0, -1, "",
        List.of(3000.0, 2000.0, 1000.0, 900.0, 100.0, 90.0, 80.0, 70.0, 60.0, 50.0));
    SiteAvailabilityFact queued = new SiteAvailabilityFact(SITE, 20, 1, 10, 9, 1, 8, -1, "",
        List.of(3000.0));
    IdleSettings settings = new IdleSettings(Duration.ofMinutes(10), 2, 0.05, 10, 5);

    assertThat(IdlePlan.of(idle, settings).suspend()).isEqualTo(4);
    // keeps 2 + 8 = 10, has 1 idle and 1 booting: 8 short, 5 a tick
    assertThat(IdlePlan.of(queued, settings).wake()).isEqualTo(5);
    assertThat(IdlePlan.of(queued, settings).suspend()).isZero();
  }
}
