package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Job;
import org.junit.jupiter.api.Test;

class PolicyBenchTest {

  @Test
  void builds_a_world_with_every_node_busy_the_rest_of_the_jobs_pending_and_a_budget() {
    ClusterSnapshot world = PolicyWorld.build(100, 300, 3);

    assertThat(world.nodes()).hasSize(100);
    assertThat(world.jobs()).hasSize(300);
    long busyNodes = world.jobs().values().stream().filter(j -> j.state() == Job.State.RUNNING)
        .mapToLong(j -> j.nodes().size()).sum();
    assertThat(busyNodes).isEqualTo(100);
    double budget = world.sites().values().iterator().next().siteBudget().orElseThrow()
        .limitWatts();
    assertThat(budget).isCloseTo(world.totalPowerWatts() * PolicyWorld.BUDGET_SHARE,
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void the_plain_java_thermal_and_budget_rules_decide_what_the_drl_rules_decide() {
    PolicyBench.Result result = PolicyBench.run(100, 300, 0, 2, 3);

    assertThat(result.sameActions()).isTrue();
    assertThat(result.plain().actions()).isEqualTo(result.subset().actions()).isPositive();
    assertThat(result.rules()).contains("thermal-cap-cpu", "budget-cap-site");
  }

  @Test
  void takes_the_nearest_rank_percentile() {
    long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};

    assertThat(PolicyBench.percentileMs(nanos, 0.5)).isEqualTo(3.0);
    assertThat(PolicyBench.percentileMs(nanos, 0.99)).isEqualTo(5.0);
    assertThat(PolicyBench.percentileMs(nanos, 0.2)).isEqualTo(1.0);
  }
}
