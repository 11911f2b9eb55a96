package dev.kelvin.policy.guard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetpointAction;
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
 * Reviews a tick's proposed actions together against the snapshot they were proposed on. First
 * of all it refuses every action while the audit log cannot be written (nothing is done
 * without a record). Then it settles the proposals against each other ({@link Conflicts}:
 * duplicates, two values of one setpoint, opposite actions on one node). For each setpoint, in
 * order: refuses a node missing from the snapshot or stale (it will not act blind); refuses a
 * setpoint whose hardware limits the node's telemetry does not report for the place it sits
 * ({@code cpu_freq_min_mhz}..{@code cpu_freq_max_mhz} for a CPU cap,
 * {@code gpu_power_limit_min_w}..{@code _max_w} of that GPU for a GPU power limit,
 * {@code node_power_cap_min_w}..{@code _max_w} for a node power cap: never set unchecked);
 * clamps the value to those limits; refuses a no-op (the clamped value is the one in force);
 * and shortens a lease longer than {@link GuardSettings#maxLease()}. Every action then passes
 * {@link Admission}: a setpoint within {@link GuardSettings#minDwell()} of the last one for the
 * same node, kind and device, a repeat of a non-setpoint action that passed lately, and an
 * action over its type's cluster-wide rate limit are refused. What passes is approved, held for
 * an operator or reported as a dry run, as {@link GuardSettings#modeOf} says for its type.
 *
 * <p>Time is the snapshot's alone, so the guard behaves the same in simulation. Thread-safe.
 */
public final class SafetyGuard implements ActionGuard {
  /** Values closer than this (in the setpoint's unit) count as equal: read-back rounding. */
  private static final double SAME_VALUE = 1e-6;

  private final GuardSettings settings;
  private final BooleanSupplier auditWritable;
  private final Admission admission;

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
    this.admission = new Admission(settings);
  }

  public GuardSettings settings() {
    return settings;
  }

  @Override
  public GuardDecision review(Action proposal, ClusterSnapshot snapshot) {
    return reviewAll(List.of(Objects.requireNonNull(proposal, "proposal")), snapshot).get(0);
  }

  @Override
  public List<GuardDecision> reviewAll(List<Action> proposals, ClusterSnapshot snapshot) {
    Objects.requireNonNull(proposals, "proposals");
    Objects.requireNonNull(snapshot, "snapshot");
    List<GuardDecision> decisions = new ArrayList<>(proposals.size());
    if (!auditWritable.getAsBoolean()) {
      for (Action proposal : proposals) {
        decisions.add(reject(proposal, "the audit log cannot be written (disk full or volume"
            + " gone?): refusing every action until records reach it again, so that nothing"
            + " is done without a record"));
      }
      return decisions;
    }
    String[] lost = Conflicts.screen(proposals);
    for (int i = 0; i < proposals.size(); i++) {
      decisions.add(lost[i] != null ? reject(proposals.get(i), lost[i])
          : reviewOne(proposals.get(i), snapshot));
    }
    return decisions;
  }

  /**
   * Checks an action an operator approved against the snapshot it is about to be carried out
   * on: the audit log, staleness, hardware limits (clamping), no-op and lease, as {@link
   * #review} does. Dwell, repeats and rate limits are not charged again: the action was charged
   * when it was held. In the legacy {@link GuardSettings.Mode#DRY_RUN} it runs dry.
   */
  @Override
  public GuardDecision recheckApproved(Action approved, ClusterSnapshot snapshot) {
    Objects.requireNonNull(approved, "approved");
    Objects.requireNonNull(snapshot, "snapshot");
    if (!auditWritable.getAsBoolean()) {
      return reject(approved, "the audit log cannot be written (disk full or volume gone?)");
    }
    List<String> notes = new ArrayList<>();
    Checked checked = checkSetpoint(approved, snapshot, notes);
    if (checked.refusal().isPresent()) {
      return checked.refusal().get();
    }
    Action candidate = checked.action();
    return settings.mode() == GuardSettings.Mode.DRY_RUN
        ? new GuardDecision.DryRun(candidate, notes)
        : new GuardDecision.Approved(candidate, notes);
  }

  private GuardDecision reviewOne(Action proposal, ClusterSnapshot snapshot) {
    List<String> notes = new ArrayList<>();
    Checked checked = checkSetpoint(proposal, snapshot, notes);
    if (checked.refusal().isPresent()) {
      return checked.refusal().get();
    }
    Action candidate = checked.action();
    Optional<String> refused = admission.admit(candidate, snapshot.at());
    if (refused.isPresent()) {
      return reject(candidate, refused.get());
    }
    return switch (settings.modeOf(candidate.type())) {
      case AUTOMATIC -> new GuardDecision.Approved(candidate, notes);
      case DRY_RUN -> new GuardDecision.DryRun(candidate, notes);
      case NEEDS_APPROVAL -> new GuardDecision.Held(candidate, "needs operator approval: '"
          + candidate.describe() + "' on " + candidate.target() + " ("
          + candidate.type().wireName() + " waits for an operator)"
          + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    };
  }

  /**
   * For a setpoint: the rejection when its node is unseen, stale or of unknown limits, or a
   * no-op; else the action clamped and with its lease capped (noted in {@code notes}). Any
   * other action as it is.
   */
  private Checked checkSetpoint(Action proposal, ClusterSnapshot snapshot, List<String> notes) {
    if (!(proposal instanceof SetpointAction setpoint)) {
      return new Checked(proposal, Optional.empty());
    }
    Optional<NodeView> view = snapshot.node(setpoint.node());
    Optional<String> unsafe = view.isEmpty() ? Optional.of(setpoint.node()
        + " is not in the snapshot (no telemetry from it at all): will not act blind")
        : blindOrUnbounded(setpoint, view.get(), snapshot);
    if (unsafe.isPresent()) {
      return new Checked(proposal, Optional.of(reject(proposal, unsafe.get())));
    }
    SetpointAction clamped = clamp(setpoint, view.get(), notes);
    Optional<String> noOp = noOp(clamped, view.get(), notes);
    if (noOp.isPresent()) {
      return new Checked(clamped, Optional.of(reject(clamped, noOp.get())));
    }
    return new Checked(capLease(clamped, notes), Optional.empty());
  }

  /** An action after the setpoint checks, or the rejection they ended in. */
  private record Checked(Action action, Optional<GuardDecision> refusal) {}

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

  /** Why {@code clamped} changes nothing, if the node holds that value already. */
  private static Optional<String> noOp(SetpointAction clamped, NodeView view,
      List<String> notes) {
    OptionalDouble inForce = inForce(clamped, view);
    if (inForce.isEmpty() || Math.abs(inForce.getAsDouble() - clamped.value()) >= SAME_VALUE) {
      return Optional.empty();
    }
    return Optional.of(clamped.node() + " already holds " + Leases.number(clamped.value()) + " "
        + clamped.kind().unit() + " (" + clamped.kind().valueField() + "): nothing to change"
        + (notes.isEmpty() ? "" : " after " + String.join("; ", notes)));
  }

  /** The setpoint the node reports in force; an uncapped CPU runs at its maximum. */
  private static OptionalDouble inForce(SetpointAction action, NodeView view) {
    OptionalDouble reported = view.latest(action.kind().inForceMetric(), action.device());
    return reported.isPresent() || action.kind() != SetpointKind.CPU_FREQ_CAP
        ? reported : view.latest(NodeMetric.CPU_FREQ_MAX_MHZ);
  }

  private SetpointAction capLease(SetpointAction action, List<String> notes) {
    if (action.lease().compareTo(settings.maxLease()) <= 0) {
      return action;
    }
    notes.add("lease capped " + Leases.format(action.lease()) + " → "
        + Leases.format(settings.maxLease()) + ": guard maximum");
    return Leases.withLease(action, settings.maxLease());
  }

  private static GuardDecision reject(Action action, String why) {
    return new GuardDecision.Rejected(action, why);
  }
}
