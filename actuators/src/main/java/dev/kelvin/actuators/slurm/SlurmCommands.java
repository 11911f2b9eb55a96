package dev.kelvin.actuators.slurm;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.NodeAction;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.util.List;
import java.util.Optional;

/**
 * The {@code scontrol} arguments of Kelvin's workload actions, and what is refused before any
 * command runs: a node of another site, a node name that Slurm would read as more than one node
 * (a host list such as {@code n[1-4]}), a job id that is not a Slurm job number. Arguments go to
 * the command as they are, never through a shell.
 */
final class SlurmCommands {
  /** Slurm keeps a reason of any length; the node list and the dashboard show about this. */
  static final int MAX_REASON_CHARS = 160;

  private SlurmCommands() {}

  /** Why {@code action} is refused for the Slurm of {@code site}; empty when it may run. */
  static Optional<String> check(Action action, SiteId site) {
    if (action instanceof HoldJob hold) {
      return checkJob(hold.job());
    }
    if (action instanceof ReleaseJob release) {
      return checkJob(release.job());
    }
    NodeId node = action instanceof NodeAction nodeAction ? nodeAction.node()
        : ((MigrateJob) action).from();
    if (!node.site().equals(site)) {
      return Optional.of("node " + node + " is at site " + node.site().value() + ", and this"
          + " Slurm serves site " + site.value() + " (workload.slurm.site)");
    }
    if (!plainName(node.name())) {
      return Optional.of("node name '" + node.name() + "' is not one plain Slurm node name"
          + " (letters, digits, '.', '_', '-'), so no command was run");
    }
    return action instanceof MigrateJob migrate ? checkJob(migrate.job()) : Optional.empty();
  }

  private static Optional<String> checkJob(JobId job) {
    return job.value().chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.empty()
        : Optional.of("job id '" + job.value() + "' is not a Slurm job number, so no command"
            + " was run");
  }

  /** {@code update NodeName=N State=DRAIN Reason=kelvin: rule: reason}. */
  static List<String> drain(DrainNode action) {
    return List.of("update", "NodeName=" + action.node().name(), "State=DRAIN",
        "Reason=" + reason(action.meta().rule(), action.meta().reason()));
  }

  /** {@code update NodeName=N State=UNDRAIN}: the drain cleared, a down node left down. */
  static List<String> undrain(NodeId node) {
    return List.of("update", "NodeName=" + node.name(), "State=UNDRAIN");
  }

  /** {@code update JobId=J StartTime=now+S}: the job may not start for {@code seconds}. */
  static List<String> hold(JobId job, long seconds) {
    return List.of("update", "JobId=" + job.value(), "StartTime=now+" + seconds);
  }

  /** {@code update JobId=J StartTime=now}: the job may start at once. */
  static List<String> release(JobId job) {
    return List.of("update", "JobId=" + job.value(), "StartTime=now");
  }

  /** {@code requeue JOB}. */
  static List<String> requeue(JobId job) {
    return List.of("requeue", job.value());
  }

  /**
   * The drain reason: Kelvin's marker, the rule and its reason on one line, control characters
   * as spaces, cut to {@link #MAX_REASON_CHARS}.
   */
  static String reason(String rule, String why) {
    String text = SlurmSettings.KELVIN_DRAIN_MARKER + " " + rule + ": " + why;
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON_CHARS));
    for (int i = 0; i < text.length() && out.length() < MAX_REASON_CHARS; i++) {
      char c = text.charAt(i);
      out.append(c < ' ' || c == 0x7f ? ' ' : c);
    }
    return out.toString();
  }

  private static boolean plainName(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-');
  }
}
