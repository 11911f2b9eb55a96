package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The idle power-down rules: by default a node idle for 10 min beyond a spare pool of 2 nodes
 * (or 5 %) is suspended, at most 1 per site and tick; suspended nodes are woken, at most 5 per
 * site and tick, while the idle ones fall short of the pool plus pending and forecast demand.
 */
class IdleRulesTest {
  private static final RuleParameters DEFAULTS = RuleParameters.defaults();

  /** Four idle nodes of site-a, idle for 20, 15, 12 and 5 minutes. */
  private static World fourIdle() {
    World world = new World();
    int[] idleMinutes = {20, 15, 12, 5};
    for (int i = 0; i < idleMinutes.length; i++) {
      String name = "n0" + (i + 1);
      world.node("site-a", name, 120)
          .state("site-a", name, NodeAvailability.State.IDLE,
              Duration.ofMinutes(idleMinutes[i]));
    }
    return world;
  }

  /** One idle node and three suspended ones (for 1, 3 and 2 hours) at site-a. */
  private static World mostlySuspended() {
    World world = new World().node("site-a", "n01", 120)
        .state("site-a", "n01", NodeAvailability.State.IDLE, Duration.ofHours(1))
        .node("site-a", "n05", 300).state("site-a", "n05", NodeAvailability.State.BUSY,
            Duration.ofHours(1)).running("j1", "site-a", "n05");
    int[] hours = {1, 3, 2};
    for (int i = 0; i < hours.length; i++) {
      String name = "n0" + (i + 2);
      world.silentNode("site-a", name, 20, Duration.ofHours(hours[i]))
          .state("site-a", name, NodeAvailability.State.SUSPENDED, Duration.ofHours(hours[i]));
    }
    return world;
  }

  private static IdleSettings idle(int suspendPerTick, int wakePerTick) {
    return new IdleSettings(Duration.ofMinutes(10), 2, 0.05, suspendPerTick, wakePerTick);
  }

  private static List<Action> decide(RuleParameters parameters, World world,
      Prediction... predictions) {
    return World.decide(parameters, world, List.of(predictions));
  }

  @Test
  void suspends_the_longest_idle_node_beyond_the_spare_pool_one_per_tick() {
    List<Action> actions = decide(DEFAULTS, fourIdle());

    assertThat(actions).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo(ActionType.SUSPEND_NODE);
      assertThat(action.target()).isEqualTo("site-a/n01");
      assertThat(action.rule()).isEqualTo("idle-suspend");
      assertThat(action.reason()).contains("keeps 2 idle nodes", "spare pool 2");
    });
  }

  @Test
  void suspends_no_more_than_the_nodes_beyond_the_spare_pool_at_a_higher_rate() {
    List<Action> actions = decide(DEFAULTS.with(idle(10, 5)), fourIdle());

    assertThat(actions).extracting(Action::target)
        .containsExactlyInAnyOrder("site-a/n01", "site-a/n02");
  }

  @Test
  void suspends_only_nodes_idle_for_at_least_the_idle_time() {
    World justUnder = new World();
    World atLimit = new World();
    for (String name : List.of("n01", "n02", "n03")) {
      justUnder.node("site-a", name, 120).state("site-a", name, NodeAvailability.State.IDLE,
          Duration.ofSeconds(599));
      atLimit.node("site-a", name, 120).state("site-a", name, NodeAvailability.State.IDLE,
          Duration.ofSeconds(600));
    }

    assertThat(decide(DEFAULTS, justUnder)).isEmpty();
    assertThat(decide(DEFAULTS, atLimit)).extracting(Action::type)
        .containsExactly(ActionType.SUSPEND_NODE);
  }

  @Test
  void keeps_idle_nodes_that_pending_jobs_or_the_forecast_need() {
    World queued = fourIdle().pending("j7", "site-a", 2);
    LoadForecast busySoon = new LoadForecast(ForecastScope.site(SiteId.of("site-a")),
        Duration.ofMinutes(15), 1_000, OptionalDouble.of(0.5), "load-3");

    assertThat(decide(DEFAULTS, queued)).isEmpty();
    assertThat(decide(DEFAULTS, fourIdle(), busySoon)).isEmpty();
  }

  @Test
  void leaves_drained_stale_and_unreported_nodes_powered() {
    World world = new World()
        .node("site-a", "n01", 120).drained("site-a", "n01", NodeAvailability.State.IDLE,
            Duration.ofHours(1), Duration.ofHours(1), false)
        .silentNode("site-a", "n02", 120, Duration.ofMinutes(5))
        .state("site-a", "n02", NodeAvailability.State.IDLE, Duration.ofHours(1))
        .node("site-a", "n03", 120).node("site-a", "n04", 120).node("site-a", "n05", 120)
        .state("site-a", "n03", NodeAvailability.State.IDLE, Duration.ofHours(1))
        .state("site-a", "n04", NodeAvailability.State.IDLE, Duration.ofHours(1))
        .node("site-b", "n01", 120).node("site-b", "n02", 120).node("site-b", "n03", 120);

    assertThat(decide(DEFAULTS, world)).isEmpty();
  }

  @Test
  void wakes_the_longest_suspended_nodes_ahead_of_a_pending_job() {
    World world = mostlySuspended().pending("j7", "site-a", 3);

    List<Action> actions = decide(DEFAULTS.with(idle(1, 2)), world);

    assertThat(actions).extracting(Action::type).containsOnly(ActionType.WAKE_NODE);
    assertThat(actions).extracting(Action::target)
        .containsExactlyInAnyOrder("site-a/n03", "site-a/n04");
    assertThat(actions).allSatisfy(action -> {
      assertThat(action.rule()).isEqualTo("idle-wake");
      assertThat(action.reason()).contains("pending jobs 3");
    });
  }

  @Test
  void wakes_to_restore_the_spare_pool_and_counts_booting_nodes_as_coming() {
    World short1 = mostlySuspended();
    World booting = mostlySuspended().node("site-a", "n09", 20)
        .state("site-a", "n09", NodeAvailability.State.BOOTING, Duration.ofSeconds(30));

    assertThat(decide(DEFAULTS, short1)).extracting(Action::target)
        .containsExactly("site-a/n03");
    assertThat(decide(DEFAULTS, booting)).isEmpty();
  }

  @Test
  void wakes_ahead_of_a_forecast_and_carries_its_model_version() {
    LoadForecast busySoon = new LoadForecast(ForecastScope.site(SiteId.of("site-a")),
        Duration.ofMinutes(15), 1_500, OptionalDouble.empty(), "load-3");

    // 1 500 W over the 300 W of the one busy node: 5 busy nodes, 4 more than now
    List<Action> actions = decide(DEFAULTS, mostlySuspended(), busySoon);

    assertThat(actions).extracting(Action::type).containsOnly(ActionType.WAKE_NODE).hasSize(3);
    assertThat(actions).allSatisfy(action ->
        assertThat(action.meta().modelVersion()).contains("load-3"));
  }

  @Test
  void does_nothing_where_the_workload_manager_reports_no_availability() {
    World world = new World();
    for (String name : List.of("n01", "n02", "n03", "n04", "n05")) {
      world.node("site-a", name, 120);
    }

    assertThat(decide(DEFAULTS, world)).isEmpty();
  }
}
