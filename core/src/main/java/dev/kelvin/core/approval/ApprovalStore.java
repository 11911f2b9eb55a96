package dev.kelvin.core.approval;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.port.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The actions the guard held for an operator, and what became of each. The control loop enters
 * each held action once ({@link #hold}: the same type, target and value while one is open is
 * the same proposal), expires those the policy stopped proposing or that waited longer than the
 * maximum age ({@link #expire}), and carries out the approved ones at its next tick
 * ({@link #approved}, {@link #executing}, {@link #settled}). An operator approves or rejects a
 * proposed one ({@link #approve}, {@link #reject}); any other request changes nothing and says
 * why ({@link Decision}).
 *
 * <p>Proposed, operator decisions and expiry are audited here, each with its actor; the loop
 * audits the record of intent and the result as it does for every action. Operator decisions
 * take their time from the clock given here (the simulator's in simulation), the loop's
 * transitions the tick's. Keeps every open action and the newest {@link #DECIDED_KEPT} decided
 * ones. Thread-safe: the loop and the dashboard's request threads share it.
 */
public final class ApprovalStore {
  /** The actor named for operator decisions until the dashboard has users and roles. */
  public static final String LOCAL_OPERATOR = "local operator";
  /** How long a proposal waits for an operator unless configured otherwise. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
  /** Decided (final) approvals remembered; the audit log keeps them all. */
  static final int DECIDED_KEPT = 1_000;

  private final AuditLog audit;
  private final InstantSource clock;
  private final Duration maxAge;
  private final Map<ActionId, Approval> byId = new LinkedHashMap<>();
  private final Map<String, ActionId> openByKey = new HashMap<>();

  /**
   * @param maxAge how long a proposal may wait for an operator before it expires, even while
   *     the policy keeps proposing it
   */
  public ApprovalStore(AuditLog audit, InstantSource clock, Duration maxAge) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("approvals.max_age must be > 0 (e.g. 1h), was "
          + maxAge);
    }
    this.maxAge = maxAge;
  }

  /**
   * The guard held {@code action} at the tick {@code at}: enters it as proposed and audits it,
   * unless the same proposal is open (then notes that the policy proposed it again); true when
   * it is new.
   */
  public synchronized boolean hold(Action action, String why, Instant at) {
    String key = Approval.key(action);
    ActionId open = openByKey.get(key);
    if (open != null) {
      Approval known = byId.get(open);
      byId.put(open, known.proposedAgain(at));
      return false;
    }
    audit.append(AuditEvent.of(at, AuditStage.HELD_FOR_APPROVAL, action, why));
    byId.put(action.id(), new Approval(action, ApprovalState.PROPOSED, at, at,
        AuditEvent.CONTROLLER, why, at));
    openByKey.put(key, action.id());
    return true;
  }

  /** An operator approves a proposed action; it is carried out at the loop's next tick. */
  public synchronized Decision approve(ActionId id, String actor, String comment) {
    return decide(id, actor, comment, ApprovalState.APPROVED, AuditStage.APPROVED_BY_OPERATOR);
  }

  /** An operator rejects a proposed action. */
  public synchronized Decision reject(ActionId id, String actor, String comment) {
    return decide(id, actor, comment, ApprovalState.REJECTED, AuditStage.REJECTED_BY_OPERATOR);
  }

  /**
   * After the tick {@code at}'s reviews: expires every proposal the policy did not propose
   * again at this tick (when {@code policySaw}; a failed policy or a blind controller cannot
   * tell whether the facts still hold) or that waited longer than the maximum age. Returns
   * those expired, each audited.
   */
  public synchronized List<Approval> expire(Instant at, boolean policySaw) {
    List<Approval> expired = new ArrayList<>();
    for (Approval approval : List.copyOf(byId.values())) {
      if (approval.state() != ApprovalState.PROPOSED) {
        continue;
      }
      Optional<String> why = whyExpired(approval, at, policySaw);
      if (why.isPresent()) {
        audit.append(AuditEvent.of(at, AuditStage.EXPIRED, approval.action(), why.get()));
        expired.add(close(approval.to(ApprovalState.EXPIRED, AuditEvent.CONTROLLER, why.get(),
            at)));
      }
    }
    return expired;
  }

  /** The approved actions waiting to be carried out, oldest first. */
  public synchronized List<Approval> approved() {
    List<Approval> out = new ArrayList<>();
    for (Approval approval : byId.values()) {
      if (approval.state() == ApprovalState.APPROVED) {
        out.add(approval);
      }
    }
    return out;
  }

  /** The loop wrote the record of intent of an approved action and sends it now. */
  public synchronized void executing(ActionId id, Instant at) {
    Approval approval = require(id, ApprovalState.APPROVED);
    byId.put(id, approval.to(ApprovalState.EXECUTING, AuditEvent.CONTROLLER,
        "carrying out what " + approval.actor() + " approved", at));
  }

  /** The guard refused an approved action at execution time: it fails without being sent. */
  public synchronized void refused(ActionId id, String why, Instant at) {
    close(require(id, ApprovalState.APPROVED).to(ApprovalState.FAILED, AuditEvent.CONTROLLER,
        why, at));
  }

  /** The executor's result for an executing action: succeeded when applied, else failed. */
  public synchronized void settled(ActionId id, ActionResult result) {
    Approval approval = require(id, ApprovalState.EXECUTING);
    close(approval.to(result.applied() ? ApprovalState.SUCCEEDED : ApprovalState.FAILED,
        AuditEvent.CONTROLLER, result.detail(), result.at()));
  }

  /** The approval with this id, if remembered. */
  public synchronized Optional<Approval> find(ActionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Up to {@code limit} approvals, newest first. */
  public synchronized List<Approval> newest(int limit) {
    List<Approval> all = new ArrayList<>(byId.values());
    List<Approval> out = new ArrayList<>(Math.min(limit, all.size()));
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(all.get(i));
    }
    return out;
  }

  /** The number of proposals waiting for an operator. */
  public synchronized int pending() {
    int count = 0;
    for (Approval approval : byId.values()) {
      if (approval.state() == ApprovalState.PROPOSED) {
        count++;
      }
    }
    return count;
  }

  public Duration maxAge() {
    return maxAge;
  }

  private Decision decide(ActionId id, String actor, String comment, ApprovalState next,
      AuditStage stage) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(comment, "comment");
    Approval approval = byId.get(id);
    if (approval == null) {
      return new Decision.Unknown(id);
    }
    if (approval.state() != ApprovalState.PROPOSED) {
      return new Decision.Conflict(approval, next == ApprovalState.APPROVED ? "approved"
          : "rejected");
    }
    Instant at = clock.instant();
    String detail = comment.isBlank() ? next.label() + " by " + actor + " (no comment)"
        : comment;
    audit.append(new AuditEvent(at, stage, approval.action(), actor, detail,
        Optional.empty()));
    Approval decided = approval.to(next, actor, detail, at);
    return new Decision.Done(next == ApprovalState.REJECTED ? close(decided) : put(decided));
  }

  private Optional<String> whyExpired(Approval approval, Instant at, boolean policySaw) {
    if (policySaw && approval.lastProposedAt().isBefore(at)) {
      return Optional.of("the policy did not propose it again at " + at + ": the facts it"
          + " was based on no longer hold");
    }
    Duration age = Duration.between(approval.proposedAt(), at);
    if (age.compareTo(maxAge) > 0) {
      return Optional.of("it waited " + age + " for an operator, longer than approvals.max_age"
          + " (" + maxAge + ")");
    }
    return Optional.empty();
  }

  private Approval require(ActionId id, ApprovalState expected) {
    Approval approval = byId.get(id);
    if (approval == null || approval.state() != expected) {
      throw new IllegalStateException("action " + id + " is "
          + (approval == null ? "unknown" : approval.state().label()) + ", not "
          + expected.label() + ": the control loop lost track of it (a bug)");
    }
    return approval;
  }

  private Approval put(Approval approval) {
    byId.put(approval.id(), approval);
    return approval;
  }

  /** Stores a final approval, frees its key for a new proposal, forgets the oldest decided. */
  private Approval close(Approval approval) {
    byId.put(approval.id(), approval);
    openByKey.remove(Approval.key(approval.action()), approval.id());
    int decided = byId.size() - openByKey.size();
    Iterator<Approval> oldest = byId.values().iterator();
    while (decided > DECIDED_KEPT && oldest.hasNext()) {
      if (!oldest.next().state().open()) {
        oldest.remove();
        decided--;
      }
    }
    return approval;
  }
}
