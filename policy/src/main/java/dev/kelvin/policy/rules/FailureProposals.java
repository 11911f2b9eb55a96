package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.model.Numbers;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.policy.FailureSettings;
import java.util.List;
import java.util.Optional;

/**
 * The proposals of the failure-risk rules (failure.drl), worded from the prediction and the
 * settings; each carries the version of the model that predicted the failure.
 */
public final class FailureProposals {
  private FailureProposals() {}

  /** Drain a node at risk: new jobs avoid it, running ones continue. */
  public static NodeProposal drain(String rule, FailureRisk risk, FailureSettings settings) {
    String reason = "failure risk " + risk(risk) + " is at or above the drain threshold "
        + Numbers.plain(settings.drainProbability(), 3)
        + ": drain it so that new jobs avoid it; running jobs continue";
    return new NodeProposal(rule, risk.node(), NodeProposal.Kind.DRAIN, reason,
        List.of(probability(risk), horizon(risk),
            new Fact("drain_probability", settings.drainProbability(), "")),
        Optional.of(risk.modelVersion()));
  }

  /** Checkpoint a job on a node at high risk and restart it elsewhere, while there is time. */
  public static MigrateProposal migrate(String rule, FailureRisk risk, JobFact job,
      FailureSettings settings) {
    String reason = "failure risk " + risk(risk) + " is at or above the migrate threshold "
        + Numbers.plain(settings.migrateProbability(), 3) + " and its horizon leaves the "
        + seconds(settings.migrateLeadSeconds()) + " lead time a checkpoint needs: checkpoint"
        + " job " + job.job() + " and restart it on another node";
    return new MigrateProposal(rule, job.job(), risk.node(), reason,
        List.of(probability(risk), horizon(risk),
            new Fact("migrate_probability", settings.migrateProbability(), ""),
            new Fact("migrate_lead_s", settings.migrateLeadSeconds(), "s"),
            new Fact("checkpoint_age_s", job.checkpointAgeSeconds(), "s")),
        Optional.of(risk.modelVersion()));
  }

  /** Resume a node Kelvin drained, now that its risk is low and the hold time has passed. */
  public static NodeProposal resume(String rule, NodeStateFact node, FailureRisk risk,
      FailureSettings settings) {
    String reason = "failure risk " + risk(risk) + " is below the resume threshold "
        + Numbers.plain(settings.resumeProbability(), 3) + " and Kelvin drained the node "
        + seconds(node.drainedSeconds()) + " ago, at least the "
        + seconds(settings.resumeHoldSeconds()) + " hold time: resume it";
    return new NodeProposal(rule, node.node(), NodeProposal.Kind.RESUME, reason,
        List.of(probability(risk), horizon(risk),
            new Fact("resume_probability", settings.resumeProbability(), ""),
            new Fact("drained_s", node.drainedSeconds(), "s")),
        Optional.of(risk.modelVersion()));
  }

  /** Whether the prediction's horizon leaves the lead time a checkpoint needs. */
  public static boolean leavesLeadTime(FailureRisk risk, FailureSettings settings) {
    return risk.horizon().toMillis() / 1000.0 >= settings.migrateLeadSeconds();
  }

  private static String risk(FailureRisk risk) {
    return Numbers.plain(risk.probability(), 3) + " within " + seconds(horizonSeconds(risk))
        + " (model " + risk.modelVersion() + ")";
  }

  private static Fact probability(FailureRisk risk) {
    return new Fact("failure_probability", risk.probability(), "");
  }

  private static Fact horizon(FailureRisk risk) {
    return new Fact("failure_horizon_s", horizonSeconds(risk), "s");
  }

  private static double horizonSeconds(FailureRisk risk) {
    return risk.horizon().toMillis() / 1000.0;
  }

  static String seconds(double seconds) {
    return Numbers.plain(seconds, 1) + " s";
  }
}
