package dev.kelvin.agent.lease;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.lease.LeaseTerm;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.port.NodeHardware.HardwareException;
import dev.kelvin.core.port.NodeHardware.SetpointLimits;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setpoints a controller holds on one node, each under a lease. A command is checked,
 * clamped to the hardware's limits, applied and read back. The checks, in this order, each
 * answered with a rejection naming its {@link Refusal} reason: the agent is not shutting down;
 * the lease is no longer than {@code maxLease}; the issue time is within {@code maxClockSkew}
 * of the agent's clock and not so old that the lease is over ({@link IssueTimes}); the command
 * is not issued before the one behind the held lease (an out-of-order or replayed command must
 * not undo a newer decision); the hardware supports the setpoint. A refused command leaves the
 * hardware and the held lease as they were: nothing is read or written.
 *
 * <p>The same command id with the same value, issued later, renews its lease (and re-applies
 * only if the hardware drifted); the same id with another value, or a new id for the same
 * setpoint, replaces the held lease. A duplicate of a command already applied (same id, issued
 * no later: see {@link AppliedCommands}) gets the answer it got before, marked as a duplicate,
 * and changes nothing. The order check never lets one command lock the controller out for
 * longer than the clock skew, however far ahead it was stamped: see {@link IssueTimes}.
 * When a lease runs out, {@link #expireDue()} restores the hardware default, exactly once.
 *
 * <p>Every method is synchronized: commands arrive on the MQTT thread while expiry runs on the
 * agent's lease-expiry thread, and writes to one node's hardware must not interleave. Hardware
 * errors never escape: they become a {@link CommandAck.Status#FAILED} ack or a retried revert.
 */
public final class SetpointLeases {
  private static final Logger LOG = LoggerFactory.getLogger(SetpointLeases.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private record Key(SetpointKind kind, Optional<Device> device) {}

  private final NodeHardware hardware;
  private final InstantSource clock;
  private final Duration maxLease;
  private final IssueTimes issueTimes;
  private final PerKeyThrottle revertWarnings;
  private final Map<Key, Lease> leases = new LinkedHashMap<>();
  private final AppliedCommands applied = new AppliedCommands();
  private boolean closed;

  /**
   * @param maxLease the longest lease a command may ask for; longer ones are rejected so that a
   *     controller cannot pin a node for hours by mistake
   * @param maxClockSkew how far the controller's clock may be from {@code clock}: the bounds on
   *     a command's issue time, and the longest one command can hold up the next
   */
  public SetpointLeases(NodeHardware hardware, InstantSource clock, Duration maxLease,
      Duration maxClockSkew) {
    this.hardware = Objects.requireNonNull(hardware, "hardware");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxLease = Objects.requireNonNull(maxLease, "maxLease");
    if (maxLease.isNegative() || maxLease.isZero()) {
      throw new IllegalArgumentException("maxLease must be a positive duration, was " + maxLease);
    }
    this.issueTimes = new IssueTimes(maxClockSkew);
    this.revertWarnings = new PerKeyThrottle(WARN_EVERY, clock, 64);
  }

  /** Checks, clamps, applies and reads back {@code command}, and says what happened. */
  public synchronized Answer apply(NodeCommand command) {
    Instant now = clock.instant();
    Lease held = leases.get(new Key(command.kind(), command.device()));
    Optional<Refused> refused = refusal(command).or(() -> issueTimes.check(command, now));
    if (refused.isEmpty()) {
      Optional<CommandAck> before = applied.answered(command, now);
      if (before.isPresent()) {
        return Answer.duplicate(AppliedCommands.answerAgain(command, before.get(), held, now));
      }
      refused = IssueTimes.outOfOrder(command, held).or(() -> unsupported(command));
    }
    if (refused.isPresent()) {
      return Answer.refused(ack(command, CommandAck.Status.REJECTED, OptionalDouble.empty(),
          OptionalDouble.empty(), Optional.empty(), now, refused.get().message()),
          refused.get().reason());
    }
    CommandAck ack = applyChecked(command, held, now);
    if (ack.status() == CommandAck.Status.APPLIED) {
      applied.remember(command, ack, issueTimes.lapsesAt(command));
    }
    return Answer.done(ack);
  }

  /**
   * Restores the hardware default of every lease that has run out and forgets it. A revert the
   * hardware refuses is kept and tried again on the next call.
   *
   * @return the leases that were reverted by this call
   */
  public synchronized List<Lease> expireDue() {
    Instant now = clock.instant();
    List<Lease> reverted = new ArrayList<>();
    for (Iterator<Lease> it = leases.values().iterator(); it.hasNext(); ) {
      Lease lease = it.next();
      if (lease.expiredAt(now) && revert(lease, "its lease ran out at " + lease.expiresAt())) {
        it.remove();
        reverted.add(lease);
      }
    }
    return reverted;
  }

  /**
   * Restores the default of every setpoint held, whatever its lease, and refuses commands from
   * then on: what the agent does on a clean shutdown, so that stopping it never leaves the node
   * throttled.
   *
   * @return how many setpoints were restored
   */
  public synchronized int revertAllAndClose() {
    closed = true;
    int reverted = 0;
    for (Iterator<Lease> it = leases.values().iterator(); it.hasNext(); ) {
      Lease lease = it.next();
      if (revert(lease, "the agent is shutting down")) {
        reverted++;
      }
      it.remove();
    }
    return reverted;
  }

  /** The leases now held, in the order they were first taken. */
  public synchronized List<Lease> held() {
    return List.copyOf(leases.values());
  }

  /** Applies a command that passed every check: a renewal or a replacement. */
  private CommandAck applyChecked(NodeCommand command, Lease held, Instant now) {
    OptionalDouble before = OptionalDouble.empty();
    try {
      SetpointLimits limits = hardware.limits(command.kind(), command.device());
      before = OptionalDouble.of(hardware.read(command.kind(), command.device()));
      return isRenewal(command, held)
          ? renew(command, held, limits, before.getAsDouble(), now)
          : replace(command, held, limits, before.getAsDouble(), now);
    } catch (RuntimeException e) {
      return ack(command, CommandAck.Status.FAILED, before, OptionalDouble.empty(),
          Optional.empty(), now, failure(command, e));
    }
  }

  /** The checks that need neither the clock nor the hardware. */
  private Optional<Refused> refusal(NodeCommand command) {
    if (closed) {
      return Optional.of(new Refused(Refusal.SHUTTING_DOWN, "the agent of " + hardware.node()
          + " is shutting down and has restored its defaults; send the command again once the"
          + " node reports online"));
    }
    if (command.lease().compareTo(maxLease) > 0) {
      return Optional.of(new Refused(Refusal.LEASE_TOO_LONG, "lease_s "
          + seconds(command.lease()) + " s is longer than this agent's maximum lease of "
          + seconds(maxLease) + " s (max_lease): send a shorter lease and renew it with the same"
          + " command id"));
    }
    return Optional.empty();
  }

  private Optional<Refused> unsupported(NodeCommand command) {
    if (supports(command)) {
      return Optional.empty();
    }
    return Optional.of(new Refused(Refusal.UNSUPPORTED, "node " + hardware.node()
        + " cannot hold " + SetpointText.name(command.kind(), command.device()) + " ("
        + command.kind().commandType() + "): the hardware or its driver offers no such setpoint"
        + (command.device().isPresent() ? ", or there is no such GPU" : "")));
  }

  /** The same command id with the same value: extend the lease rather than write again. */
  private static boolean isRenewal(NodeCommand command, Lease held) {
    return held != null && held.commandId().equals(command.id())
        && sameValue(command.value(), held.requestedValue());
  }

  private boolean supports(NodeCommand command) {
    try {
      return hardware.supports(command.kind(), command.device());
    } catch (RuntimeException e) {
      LOG.warn("{}: asking the hardware whether it supports {} failed: {}", hardware.node(),
          command.kind().commandType(), e.toString());
      return false;
    }
  }

  private CommandAck renew(NodeCommand command, Lease held, SetpointLimits limits, double before,
      Instant now) {
    LeaseTerm term = LeaseTerm.grantedAt(now, command.lease());
    Instant expiresAt = term.expiresAt();
    double after = before;
    String message;
    if (sameValue(before, held.value())) {
      message = "renewed the lease until " + expiresAt + "; the hardware still holds "
          + SetpointText.value(command.kind(), before);
    } else {
      double target = limits.clamp(command.value());
      after = hardware.apply(command.kind(), command.device(), target);
      message = "renewed the lease until " + expiresAt + "; the hardware had drifted to "
          + SetpointText.value(command.kind(), before) + ", re-applied "
          + SetpointText.value(command.kind(), after);
    }
    leases.put(new Key(command.kind(), command.device()),
        held.renewed(after, IssueTimes.orderedAt(command.issuedAt(), now), term));
    return ack(command, CommandAck.Status.APPLIED, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(expiresAt), now, message);
  }

  private CommandAck replace(NodeCommand command, Lease held, SetpointLimits limits,
      double before, Instant now) {
    double target = limits.clamp(command.value());
    double after = hardware.apply(command.kind(), command.device(), target);
    LeaseTerm term = LeaseTerm.grantedAt(now, command.lease());
    Instant expiresAt = term.expiresAt();
    leases.put(new Key(command.kind(), command.device()), new Lease(command.id(), command.rule(),
        command.kind(), command.device(), command.value(), after,
        IssueTimes.orderedAt(command.issuedAt(), now), term));
    String message = SetpointText.applied(command, limits, target, after) + "; lease until "
        + expiresAt + (held == null ? "" : "; " + replaced(command, held));
    return ack(command, CommandAck.Status.APPLIED, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(expiresAt), now, message);
  }

  private static String replaced(NodeCommand command, Lease held) {
    if (held.commandId().equals(command.id())) {
      return "replaces " + SetpointText.value(held.kind(), held.requestedValue())
          + " that the same command id asked for before (a new value, not a renewal)";
    }
    return "replaces the lease of command " + held.commandId() + " (rule " + held.rule() + ")";
  }

  private boolean revert(Lease lease, String why) {
    try {
      SetpointLimits limits = hardware.limits(lease.kind(), lease.device());
      double restored = hardware.apply(lease.kind(), lease.device(), limits.defaultValue());
      LOG.info("{}: restored {} to its default {} because {} (command {}, rule {})",
          hardware.node(), lease.setpoint(), SetpointText.value(lease.kind(), restored), why,
          lease.commandId(), lease.rule());
      return true;
    } catch (RuntimeException e) {
      if (revertWarnings.allow(lease.setpoint())) {
        LOG.warn("{}: could not restore {} to its default after command {} (rule {}) because {}:"
            + " {}; trying again at the next lease check", hardware.node(), lease.setpoint(),
            lease.commandId(), lease.rule(), why, e.getMessage());
      }
      return false;
    }
  }

  private String failure(NodeCommand command, RuntimeException e) {
    String setpoint = SetpointText.name(command.kind(), command.device());
    if (e instanceof HardwareException) {
      return "the hardware refused " + setpoint + " = "
          + SetpointText.value(command.kind(), command.value()) + ": " + e.getMessage();
    }
    LOG.error("{}: unexpected error from the hardware layer while applying command {}",
        hardware.node(), command.id(), e);
    return "unexpected error from the node's hardware layer while setting " + setpoint + ": "
        + e;
  }

  private static CommandAck ack(NodeCommand command, CommandAck.Status status,
      OptionalDouble before, OptionalDouble after, Optional<Instant> expiresAt, Instant at,
      String message) {
    return new CommandAck(command.id(), status, before, after, expiresAt, at, message);
  }

  private static boolean sameValue(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  }

  private static String seconds(Duration duration) {
    return SetpointText.number(duration.toMillis() / 1000.0);
  }
}
