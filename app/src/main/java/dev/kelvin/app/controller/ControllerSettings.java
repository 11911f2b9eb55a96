package dev.kelvin.app.controller;

import dev.kelvin.actuators.ActuatorSettings;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.dashboard.DashboardSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the controller assembly is told, as the settings records of its modules: what
 * {@code kelvin demo} derives from its options and {@code kelvin run} reads from its
 * configuration file.
 *
 * @param tick how often the control loop decides
 * @param statusEvery how often the status line is logged
 * @param dashboard where the dashboard listens; empty for none
 * @param budgets the power budgets in force, of sites and racks
 * @param approvalMaxAge how long a held action waits for an operator before it expires
 * @param store where kept readings, facility readings and actions are written (InfluxDB with
 *     its disk spool); empty: nothing is stored
 */
public record ControllerSettings(StateSettings state, TelemetrySettings telemetry,
    ActuatorSettings actuators, PolicySettings policy, GuardSettings guard, Audit audit,
    Duration tick, Duration statusEvery, Optional<DashboardSettings> dashboard,
    List<PowerBudget> budgets, Duration approvalMaxAge, Optional<InfluxSettings> store) {

  /**
   * The audit log: a JSON-lines file (empty for memory only: tests and simulation), the
   * records kept in memory for the API, and the option or key that names the file (for
   * messages).
   */
  public record Audit(Optional<Path> file, int memoryRecords, String fileOption) {
    public Audit {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(fileOption, "fileOption");
      if (memoryRecords < 1) {
        throw new IllegalArgumentException("the audit log keeps at least 1 record in memory,"
            + " was " + memoryRecords);
      }
    }
  }

  public ControllerSettings {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(actuators, "actuators");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(dashboard, "dashboard");
    Objects.requireNonNull(store, "store");
    budgets = List.copyOf(budgets);
    requirePositive("approvals.max_age", approvalMaxAge);
    requirePositive("tick", tick);
    requirePositive("statusEvery", statusEvery);
    if (tick.toMillis() < 100) {
      throw new IllegalArgumentException("the control tick must be at least 100 ms, was "
          + tick + " (seconds given as milliseconds?)");
    }
  }

  /** Settings whose held actions wait {@link ApprovalStore#DEFAULT_MAX_AGE} at most. */
  public ControllerSettings(StateSettings state, TelemetrySettings telemetry,
      ActuatorSettings actuators, PolicySettings policy, GuardSettings guard, Audit audit,
      Duration tick, Duration statusEvery, Optional<DashboardSettings> dashboard,
      List<PowerBudget> budgets) {
    this(state, telemetry, actuators, policy, guard, audit, tick, statusEvery, dashboard,
        budgets, ApprovalStore.DEFAULT_MAX_AGE);
  }

  /** Settings that store nothing: history is the live state's window. */
  public ControllerSettings(StateSettings state, TelemetrySettings telemetry,
      ActuatorSettings actuators, PolicySettings policy, GuardSettings guard, Audit audit,
      Duration tick, Duration statusEvery, Optional<DashboardSettings> dashboard,
      List<PowerBudget> budgets, Duration approvalMaxAge) {
    this(state, telemetry, actuators, policy, guard, audit, tick, statusEvery, dashboard,
        budgets, approvalMaxAge, Optional.empty());
  }

  public ControllerSettings withTelemetry(TelemetrySettings value) {
    return new ControllerSettings(state, value, actuators, policy, guard, audit, tick,
        statusEvery, dashboard, budgets, approvalMaxAge, store);
  }

  public ControllerSettings withStore(Optional<InfluxSettings> value) {
    return new ControllerSettings(state, telemetry, actuators, policy, guard, audit, tick,
        statusEvery, dashboard, budgets, approvalMaxAge, value);
  }

  public ControllerSettings withDashboard(Optional<DashboardSettings> value) {
    return new ControllerSettings(state, telemetry, actuators, policy, guard, audit, tick,
        statusEvery, value, budgets, approvalMaxAge, store);
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
    }
  }
}
