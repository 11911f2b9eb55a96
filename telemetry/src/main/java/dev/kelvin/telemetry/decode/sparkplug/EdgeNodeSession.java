package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugTopic.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a host application knows of one edge node (group and edge node id), after Sparkplug B
 * 3.0: whether it is online, the {@code bdSeq} of its current NBIRTH, the {@code seq} its next
 * message must carry (0 to 255, wrapping), the metrics its NBIRTH and each device's DBIRTH
 * declared, and when a rebirth was last asked of it. Guarded by its monitor.
 */
final class EdgeNodeSession {
  /** What the session makes of one sequenced message: the table to read it with, and why a
   *  rebirth is due, if one is. */
  record Step(BirthTable table, Optional<String> rebirthCause) {}

  static final int SEQ_MODULUS = 256;

  private final int maxDevices;
  private final Map<String, BirthTable> devices = new HashMap<>();
  private boolean online;
  private OptionalLong bdSeq = OptionalLong.empty();
  private long expectedSeq;
  private BirthTable nodeTable = BirthTable.EMPTY;
  private Instant lastRebirthAt;

  EdgeNodeSession(int maxDevices) {
    this.maxDevices = maxDevices;
  }

  /** An NBIRTH: the node is online with a fresh table, its devices must be born again. */
  synchronized void nodeBirth(OptionalLong birthBdSeq, OptionalLong seq, BirthTable table) {
    online = true;
    bdSeq = birthBdSeq;
    expectedSeq = seq.isPresent() ? next(seq.getAsLong()) : 1;
    nodeTable = table;
    devices.clear();
  }

  /**
   * An NDEATH: ends the session when its {@code bdSeq} is the current NBIRTH's.
   *
   * @return false for a stale death (another session's bdSeq, or none open), which changes
   *     nothing
   */
  synchronized boolean nodeDeath(OptionalLong deathBdSeq) {
    if (!online || deathBdSeq.isEmpty() || !deathBdSeq.equals(bdSeq)) {
      return false;
    }
    online = false;
    nodeTable = BirthTable.EMPTY;
    devices.clear();
    return true;
  }

  /**
   * Checks the {@code seq} of an NDATA, DBIRTH, DDATA or DDEATH and returns the table its
   * metrics are read with (the device's for device data, the node's for NDATA). A gap moves
   * the expectation on to the received seq plus one, so one lost message counts once.
   */
  synchronized Step sequenced(MessageType type, Optional<String> device, OptionalLong seq,
      SparkplugCounters counters) {
    if (!online) {
      counters.dataBeforeBirth.increment();
      return new Step(BirthTable.EMPTY, Optional.of(type + " before the edge node's NBIRTH"
          + " (or after its NDEATH)"));
    }
    Optional<String> cause = checkSeq(type, seq, counters);
    if (!type.isDeviceLevel()) {
      return new Step(nodeTable, cause);
    }
    String id = device.orElseThrow();
    if (type == MessageType.DBIRTH) {
      return new Step(BirthTable.EMPTY, cause);
    }
    BirthTable table = type == MessageType.DDEATH ? devices.remove(id) : devices.get(id);
    if (table == null) {
      counters.dataBeforeBirth.increment();
      return new Step(BirthTable.EMPTY, cause.or(() -> Optional.of(type + " of device '"
          + id + "' before its DBIRTH")));
    }
    return new Step(table, cause);
  }

  /**
   * A DBIRTH, after {@link #sequenced}: keeps the device's table while the node is online.
   *
   * @throws ValidationException UNKNOWN_NODE when the node already has its maximum of devices
   */
  synchronized void deviceBirth(String device, BirthTable table) {
    if (!online) {
      return;
    }
    if (!devices.containsKey(device) && devices.size() >= maxDevices) {
      throw new ValidationException(RejectReason.UNKNOWN_NODE, "device", "the edge node"
          + " already has " + maxDevices + " devices born (sparkplug max_devices_per_edge_node):"
          + " raise the limit, or check the gateway for invented device ids");
    }
    devices.put(device, table);
  }

  /** Whether a rebirth may be asked at {@code at}: none asked within {@code interval}. */
  synchronized boolean claimRebirth(Instant at, Duration interval) {
    if (lastRebirthAt != null && at.isBefore(lastRebirthAt.plus(interval))) {
      return false;
    }
    lastRebirthAt = at;
    return true;
  }

  synchronized boolean isOnline() {
    return online;
  }

  private Optional<String> checkSeq(MessageType type, OptionalLong seq,
      SparkplugCounters counters) {
    long expected = expectedSeq;
    if (seq.isPresent() && seq.getAsLong() == expected) {
      expectedSeq = next(expected);
      return Optional.empty();
    }
    counters.seqGaps.increment();
    if (seq.isEmpty()) {
      return Optional.of(type + " without seq where " + expected + " was expected");
    }
    expectedSeq = next(seq.getAsLong());
    return Optional.of(type + " with seq " + Long.toUnsignedString(seq.getAsLong())
        + " where " + expected + " was expected (a message lost or reordered)");
  }

  private static long next(long seq) {
    return Math.floorMod(seq + 1, SEQ_MODULUS);
  }
}
