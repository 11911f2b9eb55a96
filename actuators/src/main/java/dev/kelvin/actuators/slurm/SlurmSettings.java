package dev.kelvin.actuators.slurm;

import dev.kelvin.core.model.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How Kelvin reads Slurm ({@code workload.slurm} in kelvin.yaml).
 *
 * @param site the Kelvin site whose nodes and jobs Slurm reports; Slurm's node names become
 *     node ids of this site
 * @param pollInterval how often {@code sinfo} and {@code squeue} run
 * @param commandTimeout how long one command may take before it is killed and the poll counts
 *     as failed
 * @param binDir the folder of {@code sinfo} and {@code squeue}; empty: found on the PATH
 * @param commandPrefix words put before each command, e.g. {@code [ssh, slurm-login]}
 * @param confFile the {@code slurm.conf} the commands read ({@code SLURM_CONF}); empty: Slurm's
 *     own default
 * @param actions whether Kelvin also carries out its workload actions in Slurm (drain and
 *     resume nodes, requeue and hold jobs, with {@code scontrol}: {@link SlurmActuator}); false:
 *     read only
 */
public record SlurmSettings(SiteId site, Duration pollInterval, Duration commandTimeout,
    Optional<Path> binDir, List<String> commandPrefix, Optional<Path> confFile,
    boolean actions) {
  /**
   * A drain reason that starts with this was set by Kelvin, so Kelvin may resume the node; any
   * other reason is an operator's or Slurm's own.
   */
  public static final String KELVIN_DRAIN_MARKER = "kelvin:";
  /**
   * A job whose comment contains this ({@code sbatch --comment=kelvin:deferrable}) may be held
   * back by Kelvin (carbon, price): its user said so.
   */
  public static final String DEFERRABLE_MARKER = "kelvin:deferrable";
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

  public SlurmSettings {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(binDir, "binDir");
    Objects.requireNonNull(confFile, "confFile");
    commandPrefix = List.copyOf(commandPrefix);
    requireAtLeast("poll_interval", pollInterval, Duration.ofSeconds(1),
        "seconds given as milliseconds?");
    requireAtLeast("command_timeout", commandTimeout, Duration.ofMillis(100),
        "seconds given as milliseconds?");
    if (commandTimeout.compareTo(pollInterval) > 0) {
      throw new IllegalArgumentException("command_timeout must not be longer than poll_interval"
          + " (" + pollInterval.toSeconds() + " s), was " + commandTimeout.toSeconds() + " s:"
          + " a slow command would delay every later poll");
    }
  }

  /** Read-only settings: Kelvin reads Slurm and changes nothing in it. */
  public SlurmSettings(SiteId site, Duration pollInterval, Duration commandTimeout,
      Optional<Path> binDir, List<String> commandPrefix, Optional<Path> confFile) {
    this(site, pollInterval, commandTimeout, binDir, commandPrefix, confFile, false);
  }

  /**
   * Settings for {@code site} with the defaults: every 10 s, 5 s a command, on the PATH, read
   * only.
   */
  public static SlurmSettings defaults(SiteId site) {
    return new SlurmSettings(site, DEFAULT_POLL_INTERVAL, DEFAULT_COMMAND_TIMEOUT,
        Optional.empty(), List.of(), Optional.empty());
  }

  /** The same settings, carrying out workload actions in Slurm or not. */
  public SlurmSettings withActions(boolean carryOut) {
    return new SlurmSettings(site, pollInterval, commandTimeout, binDir, commandPrefix,
        confFile, carryOut);
  }

  private static void requireAtLeast(String field, Duration value, Duration min, String hint) {
    Objects.requireNonNull(value, field);
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(field + " must be at least " + min.toMillis()
          + " ms, was " + value.toMillis() + " ms (" + hint + ")");
    }
  }
}
