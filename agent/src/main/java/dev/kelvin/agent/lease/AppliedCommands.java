package dev.kelvin.agent.lease;

import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands this agent applied lately, by id, with the answer each got: so that a duplicate
 * (the broker delivering a message twice, or a replay) is answered as before, neither applied
 * again nor refused as out of order. A command is a duplicate when an applied command had its
 * id and it was issued no later than that one's newest issue (a renewal, issued later, is no
 * duplicate).
 *
 * <p>An id is kept until a copy of its newest issue would be refused as stale anyway (see
 * {@link IssueTimes#lapsesAt}), and at most {@link #MAX_IDS} ids are kept: beyond that the
 * longest-known is forgotten first, and a duplicate of a forgotten id goes through the usual
 * checks, the order check included. Not thread-safe: {@link SetpointLeases} guards it.
 */
final class AppliedCommands {
  /** Far more than a controller sends one node within the longest lease. */
  static final int MAX_IDS = 1024;

  private record Applied(Instant issuedAt, CommandAck ack, Instant forgetAfter) {}

  private final Map<String, Applied> byId = new LinkedHashMap<>();

  /** Remembers that {@code command} was applied and answered with {@code ack}. */
  void remember(NodeCommand command, CommandAck ack, Instant forgetAfter) {
    Applied before = byId.remove(command.id());
    Instant newest = before != null && before.issuedAt().isAfter(command.issuedAt())
        ? before.issuedAt() : command.issuedAt();
    byId.put(command.id(), new Applied(newest, ack, forgetAfter));
    for (Iterator<String> oldest = byId.keySet().iterator();
        byId.size() > MAX_IDS && oldest.hasNext(); ) {
      oldest.next();
      oldest.remove();
    }
  }

  /** The answer last given to the applied command that {@code command} duplicates, if any. */
  Optional<CommandAck> answered(NodeCommand command, Instant now) {
    byId.values().removeIf(applied -> applied.forgetAfter().isBefore(now));
    Applied applied = byId.get(command.id());
    if (applied == null || command.issuedAt().isAfter(applied.issuedAt())) {
      return Optional.empty();
    }
    return Optional.of(applied.ack());
  }

  /**
   * The answer to {@code duplicate}: the one {@code first} gave (applied, with its read-back
   * and lease end), at {@code now}, saying that nothing was applied again and what {@code held}
   * (the lease on its setpoint now, or null) is.
   */
  static CommandAck answerAgain(NodeCommand duplicate, CommandAck first, Lease held,
      Instant now) {
    String setpoint = SetpointText.name(duplicate.kind(), duplicate.device());
    String holding;
    if (held == null) {
      holding = "no lease is held on " + setpoint + " now";
    } else if (held.commandId().equals(duplicate.id())) {
      holding = "its lease on " + setpoint + " runs until " + held.expiresAt();
    } else {
      holding = "command " + held.commandId() + " (rule " + held.rule() + ") holds " + setpoint
          + " = " + SetpointText.value(held.kind(), held.value()) + " now";
    }
    return new CommandAck(duplicate.id(), first.status(), first.before(), first.after(),
        first.leaseExpiresAt(), now, "duplicate of command " + duplicate.id() + " (issued at "
            + duplicate.issuedAt() + "), applied before: answered again, nothing applied or"
            + " renewed; " + holding + "; its answer then: " + first.message());
  }

  /** How many ids are remembered now. */
  int size() {
    return byId.size();
  }
}
