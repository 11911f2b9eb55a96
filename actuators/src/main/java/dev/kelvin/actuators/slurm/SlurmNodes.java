package dev.kelvin.actuators.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes of a {@code sinfo --json} answer. Slurm 22.05 gives a lower-case base state
 * ({@code idle}, {@code mixed}, {@code allocated}, {@code down}...) and a list of upper-case
 * flags; Kelvin reads them as:
 *
 * <ul>
 *   <li>flag {@code POWERED_DOWN} or {@code POWER_DOWN}: SUSPENDED; {@code POWERING_UP}:
 *       BOOTING. These come first: a powered-down or booting node does not answer on purpose,
 *       so its {@code NOT_RESPONDING} is no failure;
 *   <li>base {@code down} or {@code error}, or flag {@code NOT_RESPONDING}: DOWN;
 *   <li>{@code idle}: IDLE; {@code allocated}, {@code mixed} or {@code completing}: BUSY;
 *   <li>{@code future} (configured, not yet in service): not reported;
 *   <li>flag {@code DRAIN}: drained (a drained node keeps its base state: idle once drained,
 *       allocated or mixed while draining), by Kelvin when its reason starts with {@link
 *       SlurmSettings#KELVIN_DRAIN_MARKER}.
 * </ul>
 *
 * Any other base state (such as {@code unknown}, before a node's slurmd first registers) is
 * refused as {@link SlurmReject#UNKNOWN_STATE}.
 */
final class SlurmNodes {
  /** One node as Slurm reports it, before Kelvin's memory adds since when. */
  record SlurmNode(NodeId node, State state, boolean drained, Optional<Instant> reasonChangedAt,
      String reason) {
    boolean drainedByKelvin() {
      return drained && reason.startsWith(SlurmSettings.KELVIN_DRAIN_MARKER);
    }
  }

  private SlurmNodes() {}

  static Parsed<SlurmNode> parse(String json, SiteId site) {
    Parsed.Builder<SlurmNode> parsed = new Parsed.Builder<>();
    Set<NodeId> seen = new HashSet<>();
    for (JsonNode record : SlurmJson.list("sinfo --json", json, "nodes")) {
      try {
        Optional<SlurmNode> node = node(record, site);
        if (node.isPresent() && !seen.add(node.get().node())) {
          // a node in several partitions may be listed once per partition: keep the first
          continue;
        }
        node.ifPresent(parsed::add);
      } catch (RejectedRecord rejected) {
        parsed.reject(rejected);
      }
    }
    return parsed.build();
  }

  private static Optional<SlurmNode> node(JsonNode record, SiteId site) {
    String name = SlurmJson.text(record, "name", "a node of sinfo --json");
    NodeId id = nodeId(site, name, "sinfo --json");
    String what = "node " + name;
    String base = SlurmJson.text(record, "state", what).toLowerCase(Locale.ROOT);
    Set<String> flags = flags(record, what);
    if (base.equals("future")) {
      return Optional.empty();
    }
    State state = state(base, flags, what);
    Optional<Instant> changed = SlurmJson.time(record, "reason_changed_at", what);
    String reason = SlurmJson.textOr(record, "reason", "");
    return Optional.of(new SlurmNode(id, state, flags.contains("DRAIN"), changed, reason));
  }

  private static State state(String base, Set<String> flags, String what) {
    if (flags.contains("POWERED_DOWN") || flags.contains("POWER_DOWN")) {
      return State.SUSPENDED;
    }
    if (flags.contains("POWERING_UP")) {
      return State.BOOTING;
    }
    if (flags.contains("NOT_RESPONDING")) {
      return State.DOWN;
    }
    switch (base) {
      case "idle":
        return State.IDLE;
      case "allocated":
      case "mixed":
      case "completing":
        return State.BUSY;
      case "down":
      case "error":
        return State.DOWN;
      default:
        throw new RejectedRecord(SlurmReject.UNKNOWN_STATE, what + ": field 'state' is '"
            + base + "', a state Kelvin does not know (idle, mixed, allocated, completing,"
            + " down, error, future); 'unknown' means its slurmd has not registered yet");
    }
  }

  private static Set<String> flags(JsonNode record, String what) {
    JsonNode flags = record.get("state_flags");
    Set<String> set = new HashSet<>();
    if (flags == null || flags.isNull()) {
      return set;
    }
    if (!flags.isArray()) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field 'state_flags' must be a"
          + " list of flags such as [\"DRAIN\"], was " + flags);
    }
    flags.forEach(flag -> set.add(flag.asText().toUpperCase(Locale.ROOT)));
    return set;
  }

  /** Slurm's node {@code name} as a node of {@code site}, or a reject naming the rule. */
  static NodeId nodeId(SiteId site, String name, String source) {
    try {
      return new NodeId(site, name);
    } catch (ValidationException e) {
      throw new RejectedRecord(SlurmReject.BAD_NODE_NAME, source + ": Slurm node '" + name
          + "' cannot be a Kelvin node: " + e.getMessage());
    }
  }
}
