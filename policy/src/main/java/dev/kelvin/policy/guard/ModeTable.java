package dev.kelvin.policy.guard;

import dev.kelvin.core.action.ActionType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link ActionMode} of every {@link ActionType}. By default setpoints, notices, resume,
 * wake and job holds and releases run automatically, and drain, suspend, migrate and failover
 * wait for an operator.
 */
public record ModeTable(Map<ActionType, ActionMode> modes) {

  public ModeTable {
    Objects.requireNonNull(modes, "modes");
    EnumMap<ActionType, ActionMode> copy = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      ActionMode mode = modes.get(type);
      if (mode == null) {
        throw new IllegalArgumentException("no mode for action type " + type.wireName()
            + ": every type needs one (automatic, needs_approval or dry_run)");
      }
      copy.put(type, mode);
    }
    modes = Collections.unmodifiableMap(copy);
  }

  /** Today's behaviour: the disruptive types need approval, the rest run automatically. */
  public static ModeTable defaults() {
    EnumMap<ActionType, ActionMode> modes = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      modes.put(type, defaultOf(type));
    }
    return new ModeTable(modes);
  }

  /** Every type in {@code mode}: {@code DRY_RUN} is a shadow deployment. */
  public static ModeTable all(ActionMode mode) {
    EnumMap<ActionType, ActionMode> modes = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      modes.put(type, mode);
    }
    return new ModeTable(modes);
  }

  /** The built-in mode of {@code type}. */
  public static ActionMode defaultOf(ActionType type) {
    return switch (type) {
      case DRAIN_NODE, SUSPEND_NODE, MIGRATE_JOB, FAILOVER_SITE -> ActionMode.NEEDS_APPROVAL;
      case SET_CPU_FREQUENCY_CAP, SET_GPU_POWER_LIMIT, SET_NODE_POWER_CAP, RESUME_NODE,
          WAKE_NODE, HOLD_JOB, RELEASE_JOB, NOTIFY -> ActionMode.AUTOMATIC;
    };
  }

  /** This table with {@code type} in {@code mode}. */
  public ModeTable with(ActionType type, ActionMode mode) {
    EnumMap<ActionType, ActionMode> changed = new EnumMap<>(modes);
    changed.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(mode, "mode"));
    return new ModeTable(changed);
  }

  public ActionMode of(ActionType type) {
    return modes.get(type);
  }
}
