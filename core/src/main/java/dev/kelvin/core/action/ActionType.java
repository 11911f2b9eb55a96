package dev.kelvin.core.action;

import java.util.Optional;

/**
 * The kind of an action by a stable, explicit name: what the audit log, the API and the
 * dashboard write, so that renaming a class never breaks an old audit file. Each type also
 * answers to the name audit files written before these names existed used (the class's simple
 * name).
 */
public enum ActionType {
  SET_CPU_FREQUENCY_CAP("set_cpu_freq_cap", "SetCpuFrequencyCap"),
  SET_GPU_POWER_LIMIT("set_gpu_power_limit", "SetGpuPowerLimit"),
  SET_NODE_POWER_CAP("set_node_power_cap", "SetNodePowerCap"),
  DRAIN_NODE("drain_node", "DrainNode"),
  RESUME_NODE("resume_node", "ResumeNode"),
  SUSPEND_NODE("suspend_node", "SuspendNode"),
  WAKE_NODE("wake_node", "WakeNode"),
  MIGRATE_JOB("migrate_job", "MigrateJob"),
  HOLD_JOB("hold_job", "HoldJob"),
  RELEASE_JOB("release_job", "ReleaseJob"),
  FAILOVER_SITE("failover_site", "FailoverSite"),
  NOTIFY("notify", "Notify");

  private final String wireName;
  private final String legacyName;

  ActionType(String wireName, String legacyName) {
    this.wireName = wireName;
    this.legacyName = legacyName;
  }

  /** The name written in audit records and the API, e.g. {@code set_cpu_freq_cap}. */
  public String wireName() {
    return wireName;
  }

  /** The type named {@code name}, by its wire name or its legacy name. */
  public static Optional<ActionType> fromName(String name) {
    for (ActionType type : values()) {
      if (type.wireName.equals(name) || type.legacyName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
