package dev.kelvin.agent;

import dev.kelvin.agent.lease.Answer;
import dev.kelvin.agent.lease.Refusal;
import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.mqtt.StrictJson;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a command payload into the ack to send back: decodes the JSON, hands a valid command
 * to the lease table, and answers a malformed one with a rejection when its id is readable.
 * A payload without a readable id cannot be answered; it is counted and logged at WARN at most
 * once a minute. Every refusal is counted by its {@link Refusal} reason and logged at WARN at
 * most once a minute per reason (a flood of forged commands cannot flood the log); duplicates
 * of applied commands and hardware failures are counted and logged the same way. Never throws.
 */
final class CommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);
  /** Larger command payloads are refused unread: a real command is a few hundred bytes. */
  static final int MAX_COMMAND_BYTES = 16 * 1024;

  private final NodeId node;
  private final SetpointLeases leases;
  private final InstantSource clock;
  private final PerKeyThrottle warnings;
  private final LongAdder applied = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder unanswered = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);

  CommandHandler(NodeId node, SetpointLeases leases, InstantSource clock) {
    this.node = node;
    this.leases = leases;
    this.clock = clock;
    this.warnings = new PerKeyThrottle(WARN_EVERY, clock, 16);
    for (Refusal reason : Refusal.values()) {
      refusals.put(reason, new LongAdder());
    }
  }

  /** The ack for {@code payload}; empty when the payload carries no readable command id. */
  Optional<CommandAck> handle(byte[] payload) {
    Map<String, Object> json;
    try {
      json = StrictJson.parseObject(payload, MAX_COMMAND_BYTES, "command");
    } catch (IllegalArgumentException e) {
      return malformed(Optional.empty(), e.getMessage());
    }
    NodeCommand command;
    try {
      command = CommandWire.decodeCommand(json);
    } catch (RuntimeException e) {
      return malformed(readableId(json), e.getMessage());
    }
    Answer answer = leases.apply(command);
    count(answer);
    log(command, answer);
    return Optional.of(answer.ack());
  }

  long applied() {
    return applied.sum();
  }

  long rejected() {
    return rejected.sum();
  }

  long failed() {
    return failed.sum();
  }

  long malformed() {
    return malformed.sum();
  }

  /** Duplicates of applied commands, answered again without applying anything. */
  long duplicates() {
    return duplicates.sum();
  }

  /** Refusals (rejected acks) by reason, every reason present; they add up to rejected. */
  Map<Refusal, Long> refusals() {
    Map<Refusal, Long> counts = new EnumMap<>(Refusal.class);
    refusals.forEach((reason, count) -> counts.put(reason, count.sum()));
    return Collections.unmodifiableMap(counts);
  }

  private Optional<CommandAck> malformed(Optional<String> id, String why) {
    malformed.increment();
    if (id.isEmpty()) {
      unanswered.increment();
      if (warnings.allow("unanswered")) {
        LOG.warn("{}: ignored a command that cannot be answered because it has no readable id:"
            + " {} ({} such commands so far)", node, why, unanswered.sum());
      }
      return Optional.empty();
    }
    rejected.increment();
    refusals.get(Refusal.MALFORMED).increment();
    if (warnings.allow(Refusal.MALFORMED.label())) {
      LOG.warn("{}: rejected malformed command {} ({} malformed so far; logged at most once a"
          + " minute): {}", node, id.get(), refusals.get(Refusal.MALFORMED).sum(), why);
    }
    return Optional.of(new CommandAck(id.get(), CommandAck.Status.REJECTED,
        OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), clock.instant(),
        "malformed command: " + why));
  }

  private void count(Answer answer) {
    if (answer.duplicate()) {
      duplicates.increment();
      return;
    }
    switch (answer.ack().status()) {
      case APPLIED -> applied.increment();
      case REJECTED -> {
        rejected.increment();
        refusals.get(answer.refusal().orElseThrow()).increment();
      }
      case FAILED -> failed.increment();
      default -> throw new AssertionError(answer);
    }
  }

  /** Logs what became of {@code command}: at most once a minute per kind of outcome. */
  private void log(NodeCommand command, Answer answer) {
    CommandAck ack = answer.ack();
    if (answer.duplicate()) {
      if (warnings.allow("duplicate")) {
        LOG.info("{}: answered a duplicate of command {} (rule {}) again ({} so far; logged at"
            + " most once a minute): {}", node, command.id(), command.rule(), duplicates.sum(),
            ack.message());
      }
    } else if (answer.refusal().isPresent()) {
      Refusal reason = answer.refusal().get();
      if (warnings.allow(reason.label())) {
        LOG.warn("{}: rejected command {} (rule {}) ({} {} so far; logged at most once a minute"
            + " per reason): {}", node, command.id(), command.rule(),
            refusals.get(reason).sum(), reason.label(), ack.message());
      }
    } else if (ack.status() == CommandAck.Status.FAILED) {
      if (warnings.allow("failed")) {
        LOG.warn("{}: failed command {} (rule {}) ({} so far; logged at most once a minute): {}",
            node, command.id(), command.rule(), failed.sum(), ack.message());
      }
    } else {
      LOG.debug("{}: applied command {} (rule {}): {}", node, command.id(), command.rule(),
          ack.message());
    }
  }

  private static Optional<String> readableId(Map<String, Object> json) {
    return json.get("id") instanceof String id && !id.isBlank() && id.length() <= 200
        ? Optional.of(id)
        : Optional.empty();
  }
}
