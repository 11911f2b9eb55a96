package dev.kelvin.policy.guard;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.NOW;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SafetyGuardConcurrencyTest {
  private static final int THREADS = 8;

  @Test
  void approves_only_one_of_many_simultaneous_setpoints_for_the_same_node() throws Exception {
    SafetyGuard guard = new SafetyGuard(GuardSettings.defaults());
    ActionIds ids = new ActionIds(NOW);
    ClusterSnapshot snapshot = snapshot(fresh(reading().node("n07")));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<GuardDecision>> decisions = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        SetCpuFrequencyCap proposal = new SetCpuFrequencyCap(new ActionMeta(ids.next(), "test",
            "race", List.of(), NOW, Duration.ofMinutes(1)), NodeId.of("site-a", "n07"), 2000 + i);
        decisions.add(pool.submit(() -> {
          start.await();
          return guard.review(proposal, snapshot);
        }));
      }
      start.countDown();
      long approved = 0;
      for (Future<GuardDecision> decision : decisions) {
        approved += decision.get(10, TimeUnit.SECONDS) instanceof GuardDecision.Approved ? 1 : 0;
      }
      assertThat(approved).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
