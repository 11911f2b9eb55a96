package dev.kelvin.core.loop;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.backlog.IngestWatch;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ActionGuard;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The heart of Kelvin. Each {@link #tick(Instant)} takes a snapshot, asks the predictor, asks
 * the policy, passes the tick's proposals through the guard together (so that it can settle
 * them against each other), hands approved actions to the executor ({@link Dispatch}) and
 * records each step in the audit log; it also renews the leases of setpoints it holds.
 *
 * <p>The loop has no timer of its own: live mode ticks it from a scheduler, simulation from
 * virtual time. A failing predictor or policy is reported in the tick and never stops the loop;
 * while the policy fails, no lease is renewed, so every cap lapses as if the controller were
 * dead; a failing guard stops the tick's actions (fail closed). Results from the hardware
 * arrive later and are audited with the clock's time.
 *
 * <p>Nothing is carried out without its record: an approved action's {@code approved} record
 * and a renewal's {@code renewing} record are appended before it is sent, and when the audit
 * log cannot write them ({@link AuditLog#writing()} false) the action is not sent but audited
 * as {@code failed}; while the log cannot write, no renewal is sent at all. Every held setpoint
 * the loop gives up is audited as {@code lapsed} with its reason, counted by reason and logged
 * at most once a minute per reason.
 *
 * <p>When the controller is blind through its own ingest delay ({@link IngestWatch#blind}), it
 * holds its decisions (every proposal is rejected as held, nothing new is sent) and keeps the
 * setpoints on nodes whose readings still arrive, renewing them as due, rather than giving them
 * up as stale; one line says so at most once a minute, and the tick report carries why.
 *
 * <p>A held action enters the {@link ApprovalStore} once; a proposal the policy does not make
 * again at a tick expires. An action an operator approved is carried out at the next tick that
 * is not blind, after that tick's proposals (so that the policy proposing it again joins it),
 * once the guard passed it again against that tick's snapshot ({@link ApprovedActions}).
 */
public final class ControlLoop {
  private static final System.Logger LOG = System.getLogger(ControlLoop.class.getName());
  private static final String AUDIT_NOT_WRITING = "the audit log cannot be written: no action"
      + " or lease renewal is sent until it can";

  /** The ports the loop drives. */
  public record Ports(ClusterView cluster, Predictor predictor, Policy policy, ActionGuard guard,
      ActionExecutor executor, AuditLog audit) {
    public Ports {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(predictor, "predictor");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(guard, "guard");
      Objects.requireNonNull(executor, "executor");
      Objects.requireNonNull(audit, "audit");
    }
  }

  private final Ports ports;
  private final InstantSource clock;
  private final LeaseKeeper leases = new LeaseKeeper();
  private final LapseLog lapses;
  private final BlindWatch blindness;
  private final ApprovalStore approvals;
  private final Dispatch dispatch;
  private final ApprovedActions approved;
  private volatile TickReport lastTick;

  /** A loop that sees no ingest backlog: every stale node is the node's own fault. */
  public ControlLoop(Ports ports, InstantSource clock) {
    this(ports, clock, IngestWatch.NONE);
  }

  /**
   * @param ingest tells the loop when it is blind through its own ingest delay: it then holds
   *     its decisions and keeps the setpoints on nodes whose readings still arrive
   */
  public ControlLoop(Ports ports, InstantSource clock, IngestWatch ingest) {
    this(ports, clock, ingest, new ApprovalStore(ports.audit(), clock,
        ApprovalStore.DEFAULT_MAX_AGE));
  }

  /**
   * @param approvals where held actions wait for an operator; share it with the dashboard
   */
  public ControlLoop(Ports ports, InstantSource clock, IngestWatch ingest,
      ApprovalStore approvals) {
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lapses = new LapseLog(clock);
    this.blindness = new BlindWatch(Objects.requireNonNull(ingest, "ingest"), clock);
    this.dispatch = new Dispatch(ports.audit(), ports.executor(), leases, clock);
    this.approved = new ApprovedActions(approvals, ports.guard(), dispatch);
  }

  /** Runs one decision cycle at {@code now}. Never throws for a failing port. */
  public TickReport tick(Instant now) {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    ClusterSnapshot snapshot = ports.cluster().snapshot(now);
    Optional<String> blind = blindness.check(now);
    List<Prediction> predictions = predict(snapshot, problems);
    int problemsBeforePolicy = problems.size();
    List<Action> proposals = decide(snapshot, predictions, problems);
    boolean policyFailed = problems.size() > problemsBeforePolicy;
    int[] verdicts = new int[4];
    for (GuardDecision decision : review(proposals, snapshot, blind)) {
      verdicts[record(decision, snapshot)]++;
    }
    approvals.expire(snapshot.at(), !policyFailed && blind.isEmpty());
    if (blind.isEmpty()) {
      approved.carryOut(snapshot);
    }
    int renewals = keepLeases(snapshot, policyFailed, problems, blind.isPresent());
    TickReport report = new TickReport(now, ClusterSummary.of(snapshot), predictions,
        proposals.size(), verdicts[0], verdicts[1], verdicts[2], verdicts[3], renewals,
        leases.size(), problems, Duration.ofNanos(System.nanoTime() - started), blind);
    lastTick = report;
    return report;
  }

  /** The report of the latest tick, empty before the first. */
  public Optional<TickReport> lastTick() {
    return Optional.ofNullable(lastTick);
  }

  /** The actions held for an operator, and what became of each. */
  public ApprovalStore approvals() {
    return approvals;
  }

  /** The number of setpoints whose leases the loop is keeping alive. */
  public int heldSetpoints() {
    return leases.size();
  }

  /** Held setpoints given up for {@code reason} since the loop was made (each audited). */
  public long lapses(LapseReason reason) {
    return lapses.count(reason);
  }

  private List<Prediction> predict(ClusterSnapshot snapshot, List<String> problems) {
    try {
      return List.copyOf(ports.predictor().predict(snapshot));
    } catch (RuntimeException e) {
      problems.add("predictor failed, deciding without predictions: " + e);
      LOG.log(System.Logger.Level.WARNING, "predictor failed; deciding without predictions", e);
      return List.of();
    }
  }

  private List<Action> decide(ClusterSnapshot snapshot, List<Prediction> predictions,
      List<String> problems) {
    try {
      return List.copyOf(ports.policy().decide(snapshot, predictions));
    } catch (RuntimeException e) {
      problems.add("policy failed, no actions this tick: " + e);
      LOG.log(System.Logger.Level.ERROR, "policy failed; no actions this tick", e);
      return List.of();
    }
  }

  /**
   * The guard's decisions on a tick's proposals, reviewed together; all held while blind, all
   * rejected when the guard fails or answers out of step (fail closed).
   */
  private List<GuardDecision> review(List<Action> proposals, ClusterSnapshot snapshot,
      Optional<String> blind) {
    if (blind.isPresent()) {
      return proposals.stream().<GuardDecision>map(proposal -> new GuardDecision.Rejected(
          proposal, "held: the controller is blind (" + blind.get() + "); it decides again"
              + " once it sees the present")).toList();
    }
    try {
      List<GuardDecision> decisions = List.copyOf(ports.guard().reviewAll(proposals, snapshot));
      for (int i = 0; i < Math.max(proposals.size(), decisions.size()); i++) {
        if (i >= decisions.size() || i >= proposals.size()
            || !decisions.get(i).action().id().equals(proposals.get(i).id())) {
          throw new IllegalStateException("the guard answered " + decisions.size()
              + " decisions out of step with " + proposals.size() + " proposals");
        }
      }
      return decisions;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "guard failed on " + proposals.size() + " proposals", e);
      return proposals.stream().<GuardDecision>map(proposal -> new GuardDecision.Rejected(
          proposal, "guard failed, so nothing was done: " + e)).toList();
    }
  }

  /**
   * Audits one decision and carries out an approval; returns 0 approved, 1 rejected, 2 held,
   * 3 dry run.
   */
  private int record(GuardDecision decision, ClusterSnapshot snapshot) {
    Instant at = snapshot.at();
    if (decision instanceof GuardDecision.Approved approved) {
      dispatch.carryOut(AuditEvent.of(at, AuditStage.APPROVED, approved.action(),
          approved.notes().isEmpty() ? "approved" : String.join("; ", approved.notes()))
          .withBeforeFrom(snapshot), AuditStage.APPLIED);
      return 0;
    } else if (decision instanceof GuardDecision.Rejected rejected) {
      ports.audit().append(AuditEvent.of(at, AuditStage.REJECTED, rejected.action(),
          rejected.why()).withBeforeFrom(snapshot));
      return 1;
    } else if (decision instanceof GuardDecision.Held held) {
      approvals.hold(held.action(), held.why(), at);
      return 2;
    } else if (decision instanceof GuardDecision.DryRun dryRun) {
      ports.audit().append(AuditEvent.of(at, AuditStage.DRY_RUN, dryRun.action(),
          dryRun.notes().isEmpty() ? "dry run" : String.join("; ", dryRun.notes()))
          .withBeforeFrom(snapshot));
      return 3;
    }
    throw new AssertionError(decision);
  }

  /**
   * Gives up what is not worth holding (each lapse audited and logged) and renews what is due,
   * unless the policy failed or the audit log cannot write; returns the renewals sent.
   */
  private int keepLeases(ClusterSnapshot snapshot, boolean policyFailed, List<String> problems,
      boolean blind) {
    Optional<String> withheld = Optional.empty();
    if (!ports.audit().writing()) {
      problems.add(AUDIT_NOT_WRITING);
      withheld = Optional.of("the audit log could not be written");
    } else if (policyFailed) {
      withheld = Optional.of("the policy failed");
    }
    LeaseKeeper.Sweep sweep = leases.sweep(snapshot, withheld,
        new LeaseKeeper.Sight(blind, blindness.ingest()));
    for (Lapse lapse : sweep.lapses()) {
      dispatch.appendResult(AuditEvent.of(snapshot.at(), AuditStage.LAPSED, lapse.action(),
          lapse.detail(snapshot.at())), lapse.action());
    }
    lapses.log(sweep.lapses());
    int sent = 0;
    for (SetpointAction renewal : sweep.renewals()) {
      if (dispatch.carryOut(AuditEvent.of(snapshot.at(), AuditStage.RENEWING, renewal,
          "renewal due: half the lease has run" + (blind ? " (the controller is blind through"
              + " its own ingest delay and keeps what it holds)" : "")), AuditStage.RENEWED)) {
        sent++;
      }
    }
    return sent;
  }

}
