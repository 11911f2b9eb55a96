package dev.kelvin.policy;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.NOW;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.policy.audit.JsonlAuditLog;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.SafetyGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy, the guard and the audit file wired into core's control loop, as app wires them. */
class PolicyWiringTest {
  @TempDir
  Path dir;

  @Test
  void a_hot_node_is_capped_one_step_and_every_step_lands_in_the_audit_file() throws Exception {
    ClusterSnapshot hot = snapshot(fresh(reading().node("n07")
        .with(NodeMetric.CPU_TEMP_CELSIUS, 91.2).with(NodeMetric.CPU_FREQ_CAP_MHZ, 3000)));
    MutableClock clock = new MutableClock(NOW);
    Path file = dir.resolve("audit.jsonl");
    try (JsonlAuditLog audit = JsonlAuditLog.open(file, 100, clock)) {
      ControlLoop loop = new ControlLoop(new ControlLoop.Ports(now -> hot, Predictor.NONE,
          RulePolicy.load(PolicySettings.defaults(), new ActionIds(NOW)),
          new SafetyGuard(GuardSettings.defaults(), audit::writing),
          action -> CompletableFuture.completedFuture(new ActionResult(action.id(),
              ActionResult.Outcome.APPLIED, clock.instant(), OptionalDouble.of(3000),
              OptionalDouble.of(((SetCpuFrequencyCap) action).capMhz()),
              Optional.of(clock.instant().plus(action.lease())), "read back")),
          audit), clock);

      TickReport first = loop.tick(NOW);
      TickReport second = loop.tick(NOW.plusSeconds(5));

      assertThat(first.approved()).isEqualTo(1);
      assertThat(audit.recent(10)).extracting(r -> r.event().stage()).containsExactly(
          AuditStage.APPROVED, AuditStage.APPLIED, AuditStage.REJECTED);
      AuditRecord rejected = audit.recent(1).get(0);
      assertThat(rejected.event().detail()).contains("minimum dwell 20 s");
      assertThat(second.rejected()).isEqualTo(1);
    }
    assertThat(Files.readAllLines(file)).hasSize(3)
        .first().asString().contains("\"rule\":\"thermal-cap-cpu\"");
  }
}
