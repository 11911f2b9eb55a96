package dev.kelvin.policy.guard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.ActionGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/**
 * Reviews every proposed action against the snapshot it was proposed on. First of all it
 * refuses every action while the audit log cannot be written (nothing is done without a
 * record). For setpoints, in order: refuses a node missing from the snapshot or stale (it will
 * not act blind); refuses a setpoint whose hardware limits the node's telemetry does not report
 * for the place it sits ({@code cpu_freq_min_mhz}..{@code cpu_freq_max_mhz} for a CPU cap,
 * {@code gpu_power_limit_min_w}..{@code _max_w} of that GPU for a GPU power limit,
 * {@code node_power_cap_min_w}..{@code _max_w} for a node power cap: never set unchecked);
 * clamps the value to those limits; refuses a no-op (the clamped value is the one in force);
 * refuses a setpoint within {@link GuardSettings#minDwell()} of the last one approved for the
 * same node, kind and device; and shortens a lease longer than {@link GuardSettings#maxLease()}.
 * Drain, suspend, migrate and failover are held for an operator; notices, resume and wake pass.
 * In {@link GuardSettings.Mode#DRY_RUN} every approval becomes a {@link GuardDecision.DryRun}.
 *
 * <p>Time is the snapshot's alone, so the guard behaves the same in simulation. Thread-safe.
 */
public final class SafetyGuard implements ActionGuard {
  /** Values closer than this (in the setpoint's unit) count as equal: read-back rounding. */
  private static final double SAME_VALUE = 1e-6;

  private final GuardSettings settings;
  private final BooleanSupplier auditWritable;
  private final DwellTracker dwell = new DwellTracker();

  /** A guard for an audit log that is always writable (an in-memory one). */
  public SafetyGuard(GuardSettings settings) {
    this(settings, () -> true);
  }

  /**
   * A guard that refuses every action while {@code auditWritable} says false: pass the audit
   * log's own answer, such as {@code JsonlAuditLog::writing}. It is asked once per review.
   */
  public SafetyGuard(GuardSettings settings, BooleanSupplier auditWritable) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.auditWritable = Objects.requireNonNull(auditWritable, "auditWritable");
  }

  public GuardSettings settings() {
    return settings;
  }

  @Override
  public GuardDecision review(Action proposal, ClusterSnapshot snapshot) {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(snapshot, "snapshot");
    if (!auditWritable.getAsBoolean()) {
      return reject(proposal, "the audit log cannot be written (disk full or volume gone?):"
          + " refusing every action until records reach it again, so that nothing is done"
          + " without a record");
    }
    if (proposal instanceof SetpointAction setpoint) {
      return reviewSetpoint(setpoint, snapshot);
    } else if (proposal instanceof DrainNode || proposal instanceof SuspendNode
        || proposal instanceof MigrateJob || proposal instanceof FailoverSite) {
      return new GuardDecision.Held(proposal, "needs operator approval: '"
          + proposal.describe() + "' on " + proposal.target() + " is disruptive");
    } else if (proposal instanceof Notify || proposal instanceof ResumeNode
        || proposal instanceof WakeNode) {
      return approve(proposal, List.of());
    }
    throw new AssertionError(proposal);
  }

  private GuardDecision reviewSetpoint(SetpointAction proposal, ClusterSnapshot snapshot) {
    Optional<NodeView> view = snapshot.node(proposal.node());
    Optional<String> unsafe = view.isEmpty() ? Optional.of(proposal.node()
        + " is not in the snapshot (no telemetry from it at all): will not act blind")
        : blindOrUnbounded(proposal, view.get(), snapshot);
    if (unsafe.isPresent()) {
      return reject(proposal, unsafe.get());
    }
    List<String> notes = new ArrayList<>();
    SetpointAction clamped = clamp(proposal, view.get(), notes);
    OptionalDouble inForce = inForce(clamped, view.get());
    if (inForce.isPresent() && Math.abs(inForce.getAsDouble() - clamped.value()) < SAME_VALUE) {
      return reject(clamped, proposal.node() + " already holds " + Leases.number(clamped.value())
          + " " + clamped.kind().unit() + " (" + clamped.kind().valueField() + "): nothing to"
          + " change" + (notes.isEmpty() ? "" : " after " + String.join("; ", notes)));
    }
    Optional<Duration> sinceLast = dwell.tryAcquire(SetpointTarget.of(clamped), snapshot.at(),
        settings.minDwell());
    if (sinceLast.isPresent()) {
      return reject(clamped, tooSoon(clamped, sinceLast.get()));
    }
    return approve(capLease(clamped, notes), notes);
  }

  /** Why the guard cannot judge a setpoint on this node: stale, or its limits unknown. */
  private static Optional<String> blindOrUnbounded(SetpointAction proposal, NodeView view,
      ClusterSnapshot snapshot) {
    if (view.stale()) {
      return Optional.of("no fresh telemetry from " + proposal.node() + " for "
          + Leases.format(Duration.between(view.lastReceived(), snapshot.at()))
          + ": will not act blind");
    }
    return HardwareLimits.unknown(proposal, view);
  }

  private static SetpointAction clamp(SetpointAction proposal, NodeView view,
      List<String> notes) {
    HardwareLimits limits = HardwareLimits.read(proposal, view);
    double value = proposal.value();
    if (value >= limits.min() && value <= limits.max()) {
      return proposal;
    }
    boolean low = value < limits.min();
    double clamped = low ? limits.min() : limits.max();
    notes.add("clamped " + Leases.number(value) + " → " + Leases.number(clamped) + " "
        + proposal.kind().unit() + ": node " + (low ? "minimum" : "maximum"));
    return proposal.withValue(clamped);
  }

  /** The setpoint the node reports in force; an uncapped CPU runs at its maximum. */
  private static OptionalDouble inForce(SetpointAction action, NodeView view) {
    OptionalDouble reported = view.latest(action.kind().inForceMetric(), action.device());
    return reported.isPresent() || action.kind() != SetpointKind.CPU_FREQ_CAP
        ? reported : view.latest(NodeMetric.CPU_FREQ_MAX_MHZ);
  }

  private String tooSoon(SetpointAction action, Duration sinceLast) {
    Duration remaining = settings.minDwell().minus(sinceLast);
    return action.node() + " got a " + action.kind().valueField() + " setpoint "
        + Leases.format(sinceLast) + " ago: wait " + Leases.format(remaining)
        + " more (minimum dwell " + Leases.format(settings.minDwell()) + ")";
  }

  private SetpointAction capLease(SetpointAction action, List<String> notes) {
    if (action.lease().compareTo(settings.maxLease()) <= 0) {
      return action;
    }
    notes.add("lease capped " + Leases.format(action.lease()) + " → "
        + Leases.format(settings.maxLease()) + ": guard maximum");
    return Leases.withLease(action, settings.maxLease());
  }

  private GuardDecision approve(Action action, List<String> notes) {
    return settings.mode() == GuardSettings.Mode.DRY_RUN
        ? new GuardDecision.DryRun(action, notes)
        : new GuardDecision.Approved(action, notes);
  }

  private static GuardDecision reject(Action action, String why) {
    return new GuardDecision.Rejected(action, why);
  }
}
