package dev.kelvin.policy;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RulePolicyConcurrencyTest {
  private static final int CALLS = 16;

  @Test
  void decides_the_same_from_several_threads_with_unique_ids() throws Exception {
    RulePolicy policy = RulePolicy.load(PolicySettings.defaults(), new ActionIds(Nodes.NOW));
    List<NodeView> views = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      views.add(fresh(reading().node(String.format("n%02d", i))
          .with(NodeMetric.CPU_TEMP_CELSIUS, i % 2 == 0 ? 90 : 70)
          .with(NodeMetric.CPU_FREQ_CAP_MHZ, 2600)));
    }
    ClusterSnapshot snapshot = ClusterSnapshot.of(Nodes.NOW, views);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Action>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(pool.submit(() -> policy.decide(snapshot, List.of())));
      }
      Set<ActionId> ids = new HashSet<>();
      for (Future<List<Action>> call : calls) {
        List<Action> actions = call.get(60, TimeUnit.SECONDS);
        assertThat(actions).hasSize(50);
        assertThat(actions).extracting(action -> ((SetCpuFrequencyCap) action).capMhz())
            .containsOnly(2400.0, 2800.0);
        actions.forEach(action -> ids.add(action.id()));
      }
      assertThat(ids).hasSize(CALLS * 50);
    } finally {
      pool.shutdownNow();
    }
  }
}
