package dev.kelvin.agent;

import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.mqtt.StrictJson;
import java.time.Duration;
import java.time.InstantSource;
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
 * once a minute. Never throws.
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

  CommandHandler(NodeId node, SetpointLeases leases, InstantSource clock) {
    this.node = node;
    this.leases = leases;
    this.clock = clock;
    this.warnings = new PerKeyThrottle(WARN_EVERY, clock, 8);
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
    CommandAck ack = leases.apply(command);
    count(ack.status());
    if (ack.status() != CommandAck.Status.APPLIED) {
      LOG.info("{}: {} command {} (rule {}): {}", node, ack.status().label(), command.id(),
          command.rule(), ack.message());
    } else {
      LOG.debug("{}: applied command {} (rule {}): {}", node, command.id(), command.rule(),
          ack.message());
    }
    return Optional.of(ack);
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
    if (warnings.allow("malformed")) {
      LOG.warn("{}: rejected malformed command {}: {}", node, id.get(), why);
    }
    return Optional.of(new CommandAck(id.get(), CommandAck.Status.REJECTED,
        OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), clock.instant(),
        "malformed command: " + why));
  }

  private void count(CommandAck.Status status) {
    switch (status) {
      case APPLIED -> applied.increment();
      case REJECTED -> rejected.increment();
      case FAILED -> failed.increment();
      default -> throw new AssertionError(status);
    }
  }

  private static Optional<String> readableId(Map<String, Object> json) {
    return json.get("id") instanceof String id && !id.isBlank() && id.length() <= 200
        ? Optional.of(id)
        : Optional.empty();
  }
}
