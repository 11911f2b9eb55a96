package dev.kelvin.actuators;

import dev.kelvin.actuators.AckChecks.Refused;
import dev.kelvin.core.model.NodeId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the commands settled lately, so that an ack for one of them is told apart from
 * one for a command this controller never sent: answered already (a duplicate), or given up
 * on (late). Only ids this controller sent enter it, and at most {@link #CAPACITY} of them,
 * oldest forgotten first: a flood of forged acks cannot grow it. Not thread-safe: its owner
 * guards it.
 */
final class SettledIds {
  /** About an hour of commands at one a second. */
  static final int CAPACITY = 4096;

  /** How a command was settled. */
  enum How {
    /** An ack completed it. */
    ANSWERED,
    /** It timed out, its publish failed, or the executor closed. */
    GAVE_UP
  }

  private record Settled(NodeId node, How how) {}

  private final Map<String, Settled> settled = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Settled> eldest) {
      return size() > CAPACITY;
    }
  };

  void remember(String id, NodeId node, How how) {
    settled.remove(id);
    settled.put(id, new Settled(node, how));
  }

  /** A command with this id is in flight again (a lease renewal). */
  void forget(String id) {
    settled.remove(id);
  }

  /** Why an ack with {@code id} from {@code from}, for no command in flight, is refused. */
  Refused refusal(String id, NodeId from) {
    Settled known = settled.get(id);
    if (known == null) {
      return new Refused(AckRefusal.UNKNOWN_COMMAND, "this controller has no command " + id
          + " in flight, nor among the last " + CAPACITY + " it settled");
    }
    if (!known.node().equals(from)) {
      return new Refused(AckRefusal.WRONG_NODE, "command " + id + " was sent to "
          + known.node() + ", not to " + from);
    }
    return known.how() == How.ANSWERED
        ? new Refused(AckRefusal.DUPLICATE, "the first ack of command " + id + " was used")
        : new Refused(AckRefusal.LATE, "command " + id + " timed out, was not delivered, or"
            + " the executor closed, before this ack came (raise actuators.ack_timeout if this"
            + " is common)");
  }
}
