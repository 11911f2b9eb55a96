package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The failure-risk rules at their default thresholds: drain at 0.5, checkpoint and migrate at
 * 0.8 with a 10 min lead time, resume under 0.2 after a 30 min hold.
 */
class FailureRulesTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final Duration BUSY = Duration.ofMinutes(20);

  /** site-a/n01 busy with jobs j1 and j2, site-a/n02 busy with j3. */
  private static World busyNode() {
    return new World().node("site-a", "n01", 350).node("site-a", "n02", 350)
        .running("j1", "site-a", "n01").running("j2", "site-a", "n01")
        .running("j3", "site-a", "n02");
  }

  private static FailureRisk risk(double probability, Duration horizon) {
    return new FailureRisk(N01, probability, horizon, "fault-7");
  }

  private static List<Action> decide(World world, Prediction... predictions) {
    return World.decide(RuleParameters.defaults(), world, List.of(predictions));
  }

  @Test
  void drains_a_node_whose_failure_risk_reaches_the_drain_threshold() {
    List<Action> actions = decide(busyNode(), risk(0.5, Duration.ofMinutes(5)));

    assertThat(actions).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo(ActionType.DRAIN_NODE);
      assertThat(action.target()).isEqualTo("site-a/n01");
      assertThat(action.rule()).isEqualTo("failure-risk-drain");
      assertThat(action.meta().modelVersion()).contains("fault-7");
      assertThat(action.reason()).contains("0.5", "fault-7", "running jobs continue");
    });
  }

  @Test
  void leaves_a_node_just_under_the_drain_threshold_alone() {
    assertThat(decide(busyNode(), risk(0.49, Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void does_not_drain_a_node_that_is_drained_suspended_or_unknown() {
    World drained = busyNode().drained("site-a", "n01", NodeAvailability.State.BUSY, BUSY,
        Duration.ofMinutes(1), false);
    World suspended = new World().silentNode("site-a", "n01", 20, Duration.ofHours(1))
        .node("site-a", "n02", 300).node("site-a", "n03", 300)
        .state("site-a", "n01", NodeAvailability.State.SUSPENDED, Duration.ofHours(1))
        .state("site-a", "n02", NodeAvailability.State.BUSY, BUSY)
        .state("site-a", "n03", NodeAvailability.State.BUSY, BUSY)
        .running("j2", "site-a", "n02").running("j3", "site-a", "n03")
        .pending("j9", "site-a", 1).pending("j8", "site-a", 1).pending("j7", "site-a", 1);
    FailureRisk unknown = new FailureRisk(NodeId.of("site-a", "n99"), 0.9, Duration.ofHours(1),
        "fault-7");

    assertThat(decide(drained, risk(0.6, Duration.ofHours(1)))).isEmpty();
    assertThat(decide(suspended, risk(0.6, Duration.ofHours(1)))).extracting(Action::type)
        .doesNotContain(ActionType.DRAIN_NODE);
    assertThat(decide(busyNode(), unknown)).isEmpty();
  }

  @Test
  void checkpoints_and_moves_every_job_of_a_node_at_the_migrate_threshold_with_lead_time() {
    List<Action> actions = decide(busyNode(), risk(0.8, Duration.ofMinutes(10)));

    assertThat(actions).extracting(Action::type).containsExactlyInAnyOrder(
        ActionType.DRAIN_NODE, ActionType.MIGRATE_JOB, ActionType.MIGRATE_JOB);
    assertThat(actions).filteredOn(MigrateJob.class::isInstance).allSatisfy(action -> {
      MigrateJob migrate = (MigrateJob) action;
      assertThat(migrate.from()).isEqualTo(N01);
      assertThat(migrate.mode()).isEqualTo(MigrateJob.Mode.CHECKPOINT_RESTART);
      assertThat(migrate.rule()).isEqualTo("failure-risk-migrate");
      assertThat(migrate.meta().modelVersion()).isEqualTo(Optional.of("fault-7"));
    }).extracting(Action::target).containsExactly("job j1 on site-a/n01",
        "job j2 on site-a/n01");
  }

  @Test
  void only_drains_when_the_risk_is_under_the_migrate_threshold() {
    assertThat(decide(busyNode(), risk(0.79, Duration.ofHours(1)))).extracting(Action::type)
        .containsExactly(ActionType.DRAIN_NODE);
  }

  @Test
  void only_drains_when_the_horizon_is_too_short_to_write_a_checkpoint() {
    assertThat(decide(busyNode(), risk(0.95, Duration.ofSeconds(599)))).extracting(Action::type)
        .containsExactly(ActionType.DRAIN_NODE);
  }

  /** n01 drained by Kelvin {@code drainedAgo} ago, idle since, with n02 and n03 busy. */
  private static World drainedByKelvin(Duration drainedAgo, boolean byKelvin) {
    return new World().node("site-a", "n01", 150).node("site-a", "n02", 350)
        .node("site-a", "n03", 350)
        .drained("site-a", "n01", NodeAvailability.State.IDLE, drainedAgo, drainedAgo, byKelvin)
        .state("site-a", "n02", NodeAvailability.State.BUSY, BUSY)
        .state("site-a", "n03", NodeAvailability.State.BUSY, BUSY)
        .running("j2", "site-a", "n02").running("j3", "site-a", "n03")
        .pending("j9", "site-a", 2);
  }

  @Test
  void resumes_a_node_it_drained_once_the_risk_is_low_after_the_hold_time() {
    List<Action> actions = decide(drainedByKelvin(Duration.ofMinutes(30), true),
        risk(0.19, Duration.ofHours(1)));

    assertThat(actions).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo(ActionType.RESUME_NODE);
      assertThat(action.target()).isEqualTo("site-a/n01");
      assertThat(action.rule()).isEqualTo("failure-risk-resume");
      assertThat(action.meta().modelVersion()).contains("fault-7");
    });
  }

  @Test
  void keeps_a_node_drained_within_the_hold_time_or_at_the_resume_threshold() {
    assertThat(decide(drainedByKelvin(Duration.ofSeconds(1799), true),
        risk(0.1, Duration.ofHours(1)))).isEmpty();
    assertThat(decide(drainedByKelvin(Duration.ofHours(1), true),
        risk(0.2, Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void never_resumes_a_node_someone_else_drained_or_one_without_a_prediction() {
    assertThat(decide(drainedByKelvin(Duration.ofHours(1), false),
        risk(0.01, Duration.ofHours(1)))).isEmpty();
    assertThat(decide(drainedByKelvin(Duration.ofHours(1), true))).isEmpty();
  }

  @Test
  void keeps_a_node_drained_while_any_prediction_for_it_is_high() {
    assertThat(decide(drainedByKelvin(Duration.ofHours(1), true),
        risk(0.1, Duration.ofHours(1)), risk(0.3, Duration.ofHours(6)))).isEmpty();
  }
}
