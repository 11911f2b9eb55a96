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

  @Test
  void each_call_runs_wholly_on_the_old_rules_or_wholly_on_the_new_while_they_are_swapped()
      throws Exception {
    RulePolicy policy = RulePolicy.load(PolicySettings.defaults(), new ActionIds(Nodes.NOW));
    DroolsRuleBase shipped = RulePolicy.compile(RuleDirectory.Contents.NONE);
    DroolsRuleBase withOperator = RulePolicy.compile(new RuleDirectory.Contents(List.of(
        new RuleText("dev/kelvin/policy/operator/notes.drl", "notes.drl", """
            package dev.kelvin.policy.rules;
            rule "operator-cap-all"
            when
                $node : NodeThermalFact( )
            then
                insert( new CpuCapProposal( drools.getRule().getName(), $node.node(),
                    $node.minMhz(), "all", java.util.List.of() ) );
            end
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "with"));
    List<NodeView> views = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      views.add(fresh(reading().node(String.format("n%02d", i))
          .with(NodeMetric.CPU_TEMP_CELSIUS, 90)));
    }
    ClusterSnapshot snapshot = ClusterSnapshot.of(Nodes.NOW, views);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> swapping = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          policy.replaceRules(i % 2 == 0 ? withOperator : shipped, "swap " + i);
        }
      });
      List<Future<List<Action>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS * 4; i++) {
        calls.add(pool.submit(() -> policy.decide(snapshot, List.of())));
      }
      for (Future<List<Action>> call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS).size()).as("20 caps, or 20 more from the"
            + " operator rule: never a mix").isIn(20, 40);
      }
      swapping.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
