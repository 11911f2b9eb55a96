package dev.kelvin.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Something the scenario makes happen to a site at a time, for a while.
 *
 * @param at when it starts, from the run's start
 * @param duration how long it lasts
 * @param site the site it strikes
 * @param supplyRiseK how far the supply air warms while cooling has failed, K
 * @param shutdownAfter how long after a fire or flood alarm the site is shut down
 */
public record ScenarioEvent(Kind kind, Duration at, Duration duration, String site,
    double supplyRiseK, Duration shutdownAfter) {
  public static final double DEFAULT_SUPPLY_RISE_K = 15;
  public static final Duration DEFAULT_SHUTDOWN_AFTER = Duration.ofMinutes(10);

  /** What strikes the site. */
  public enum Kind {
    /**
     * The grid goes: the UPS carries the site for its runtime; if the loss outlasts it, the
     * site goes dark (every node down, every job interrupted) until power returns.
     */
    UTILITY_POWER_LOSS,
    /** The cooling plant stops: the supply air warms and cooling draws nothing. */
    COOLING_FAILURE,
    /** A fire alarm: the site is shut down after the scenario's evacuation delay. */
    FIRE,
    /** A flood alarm: the site is shut down after the scenario's evacuation delay. */
    FLOOD,
    /** The site's network is cut from the controller's site: no telemetry, no commands. */
    NETWORK_PARTITION
  }

  public ScenarioEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(shutdownAfter, "shutdownAfter");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(kind + " at site " + site + " needs a positive"
          + " duration, was " + duration);
    }
  }
}
