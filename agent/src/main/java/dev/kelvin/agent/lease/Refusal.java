package dev.kelvin.agent.lease;

import java.util.Locale;

/**
 * Why a node agent refused a command: the reasons its refusals are counted by, and the label
 * each refusal's ack message starts with ({@code refused (issued_in_future): …}).
 */
public enum Refusal {
  /** The payload decoded to no valid command (a field missing, of the wrong type or range). */
  MALFORMED,
  /** The agent is shutting down and has restored its defaults. */
  SHUTTING_DOWN,
  /** The hardware or its driver offers no such setpoint, or there is no such device. */
  UNSUPPORTED,
  /** The lease asked for is longer than the agent's maximum lease. */
  LEASE_TOO_LONG,
  /** Issued further ahead of the agent's clock than the allowed clock skew. */
  ISSUED_IN_FUTURE,
  /** Issued longer ago than its lease plus the allowed clock skew: its lease is over. */
  STALE,
  /** Issued before the command behind the lease held on the same setpoint. */
  OUT_OF_ORDER;

  /** The reason as acks, logs and stats write it: {@code issued_in_future}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
