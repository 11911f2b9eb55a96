package dev.kelvin.core.loop;

import java.util.Locale;

/** Why the control loop stopped holding a setpoint it held; see {@link Lapse}. */
public enum LapseReason {
  /** The node is no longer in the cluster view: nothing is renewed blind. */
  NODE_GONE,
  /** The node's telemetry is too old to act on: nothing is renewed blind. */
  NODE_STALE,
  /** The setpoint is at (or above) the hardware maximum: it limits nothing, needs no lease. */
  AT_MAXIMUM,
  /** Its lease ran out before a renewal was acknowledged (withheld, failed or unanswered). */
  LEASE_RAN_OUT,
  /** The setpoint sent to replace it failed, so neither is held. */
  REPLACEMENT_FAILED;

  /** The name in metrics and logs: {@code node_stale}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
