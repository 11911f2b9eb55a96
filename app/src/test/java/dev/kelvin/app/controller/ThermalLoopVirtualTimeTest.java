package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.agent.NodeAgent;
import dev.kelvin.agent.lease.Lease;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "A hot node gets capped", the demo's story, in virtual time and deterministic: the simulated
 * site heats up under its seeded workload, the thermal rule fires, the guard approves, the cap
 * travels over (loopback) MQTT to the node's real agent, which applies it under a lease and
 * acknowledges; the node's telemetry reports the new cap; the loop renews the lease. Fifteen
 * simulated minutes take a few seconds; the same seed gives the same audit trail every time.
 */
class ThermalLoopVirtualTimeTest {
  private static final long SEED = 42;
  private static RulePolicy rules;

  @BeforeAll
  static void compileRules() {
    rules = RulePolicy.load(PolicySettings.defaults(), new ActionIds(VirtualSite.START));
  }

  @Test
  void a_hot_node_is_capped_the_cap_is_read_back_and_its_lease_kept_alive() {
    try (VirtualSite site = new VirtualSite(rules, SEED)) {
      assertThat(site.runUntil(() -> firstApplied(site).isPresent(), Duration.ofMinutes(5)))
          .as("a thermal cap applied within 5 simulated minutes").isTrue();
      AuditRecord applied = firstApplied(site).orElseThrow();
      SetCpuFrequencyCap cap = (SetCpuFrequencyCap) applied.event().action();
      assertThat(cap.reason()).contains("exceeds its 85 °C limit");
      assertThat(applied.event().result().orElseThrow().after()).hasValue(cap.capMhz());

      site.scheduler.advanceBy(Duration.ofSeconds(3));
      NodeView node = site.controller.state().snapshot(site.scheduler.now())
          .node(cap.node()).orElseThrow();
      assertThat(node.latest(NodeMetric.CPU_FREQ_CAP_MHZ)).as("read back in telemetry")
          .hasValue(cap.capMhz());
      NodeAgent agent = site.site.agents().stream()
          .filter(a -> a.node().equals(cap.node())).findFirst().orElseThrow();
      assertThat(agent.leases()).extracting(Lease::commandId).contains(cap.id().value());

      assertThat(site.runUntil(() -> renewals(site) > 0, Duration.ofMinutes(10)))
          .as("a cap that holds is renewed at half its lease within 10 simulated minutes")
          .isTrue();
      assertThat(site.controller.lastTick().orElseThrow().heldSetpoints()).isPositive();
    }
  }

  @Test
  void the_same_seed_gives_the_same_decisions_at_the_same_virtual_instants() {
    assertThat(trail()).isNotEmpty().isEqualTo(trail());
  }

  /** What happened in 8 simulated minutes, without the action ids (their counter goes on). */
  private static List<String> trail() {
    try (VirtualSite site = new VirtualSite(rules, SEED)) {
      site.scheduler.advanceBy(Duration.ofMinutes(8));
      return site.controller.audit().recent(10_000).stream().map(record -> record.event().at()
          + " " + record.event().stage().label() + " " + record.event().action().target() + " "
          + record.event().action().describe() + " by " + record.event().action().rule())
          .toList();
    }
  }

  private static Optional<AuditRecord> firstApplied(VirtualSite site) {
    return site.controller.audit().recent(10_000).stream()
        .filter(record -> record.event().stage() == AuditStage.APPLIED)
        .filter(record -> record.event().action().rule().equals("thermal-cap-cpu"))
        .findFirst();
  }

  private static long renewals(VirtualSite site) {
    return site.controller.audit().count(AuditStage.RENEWED);
  }
}
