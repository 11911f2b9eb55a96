package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * How the idle power-down rules act: how long a node must have been idle before it is
 * suspended, the spare pool each site keeps powered (the larger of a count and a share of the
 * site's nodes), and how many nodes one site may suspend or wake per control tick (the rule's
 * own bound, modelled on Slurm's SuspendRate and ResumeRate; the guard adds a cluster-wide
 * limit per minute).
 */
public record IdleSettings(Duration idleAfter, int spareNodes, double spareShare,
    int suspendPerTick, int wakePerTick) {

  public IdleSettings {
    FailureSettings.requireNotNegative("idleAfter", idleAfter);
    if (idleAfter.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("idleAfter must be at least 1 minute, was " + idleAfter
          + " (seconds meant as minutes?): a node between two jobs would be powered down and"
          + " woken again at once");
    }
    if (spareNodes < 0) {
      throw new IllegalArgumentException("spareNodes must be a count of nodes >= 0, was "
          + spareNodes);
    }
    if (!(spareShare >= 0 && spareShare <= 1)) {
      throw new IllegalArgumentException("spareShare must be a ratio within 0..1 of the site's"
          + " nodes, was " + spareShare + " (a percentage? write 0.05 for 5 %)");
    }
    if (suspendPerTick < 0 || wakePerTick < 1) {
      throw new IllegalArgumentException("suspendPerTick must be >= 0 and wakePerTick >= 1"
          + " nodes per site and tick, were " + suspendPerTick + " and " + wakePerTick
          + " (a node that cannot be woken must never be suspended)");
    }
  }

  /** 10 min idle, a spare pool of 2 nodes or 5 %, 1 suspend and 5 wakes per site and tick. */
  public static IdleSettings defaults() {
    return new IdleSettings(Duration.ofMinutes(10), 2, 0.05, 1, 5);
  }

  /** The settings under {@code policy.idle} ({@code section} is that section). */
  public static IdleSettings from(ConfigTree section) {
    IdleSettings defaults = defaults();
    Duration idle = section.duration("idle_after", defaults.idleAfter);
    int spare = section.integer("spare_nodes", defaults.spareNodes, 0, 1_000_000);
    double share = section.decimal("spare_share", defaults.spareShare, 0, 1);
    int suspend = section.integer("suspend_per_tick", defaults.suspendPerTick, 0, 100_000);
    int wake = section.integer("wake_per_tick", defaults.wakePerTick, 1, 100_000);
    return section.build(() -> new IdleSettings(idle, spare, share, suspend, wake));
  }

  /** The idle time in seconds, as the rules compare it. */
  public double idleAfterSeconds() {
    return idleAfter.toMillis() / 1000.0;
  }

  /** The spare pool of a site of {@code nodes} nodes: the count, or the share if larger. */
  public int spareOf(int nodes) {
    return Math.max(spareNodes, (int) Math.ceil(spareShare * nodes));
  }
}
