package dev.kelvin.policy.audit;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Audit events of every kind, for the audit file tests. A fresh instance per test. */
final class AuditEvents {
  static final Instant AT = MutableClock.START.plusSeconds(600);
  static final NodeId N07 = NodeId.of("site-a", "n07");

  private final ActionIds ids = new ActionIds(MutableClock.START);

  ActionMeta meta(Duration lease, Fact... facts) {
    return new ActionMeta(ids.next(), "thermal-cap-cpu",
        "CPU at 91.2 °C exceeds its 85 °C limit: cap one step (200 MHz) from 3000 to 2800 MHz",
        List.of(facts), AT, lease);
  }

  /** A CPU cap proposed on the prediction of the model {@code modelVersion}. */
  SetCpuFrequencyCap capFromModel(String modelVersion) {
    ActionMeta meta = new ActionMeta(ids.next(), "power-forecast-cap",
        "forecast 520 W exceeds the 500 W budget: cap one step", List.of(), AT,
        Duration.ofMinutes(2), Optional.of(modelVersion));
    return new SetCpuFrequencyCap(meta, N07, 2800);
  }

  SetCpuFrequencyCap cap() {
    return new SetCpuFrequencyCap(meta(Duration.ofMinutes(2),
        new Fact("cpu_temp_c", 91.2, "°C"), new Fact("cpu_temp_limit_c", 85, "°C")), N07, 2800);
  }

  AuditEvent approved(Action action) {
    return AuditEvent.of(AT, AuditStage.APPROVED, action, "approved");
  }

  AuditEvent applied(Action action) {
    return AuditEvent.ofResult(AuditStage.APPLIED, action, new ActionResult(action.id(),
        ActionResult.Outcome.APPLIED, AT.plusMillis(250), OptionalDouble.of(3000),
        OptionalDouble.of(2800), Optional.of(AT.plusSeconds(120)), "read back 2800 MHz"));
  }

  /**
   * One event per kind of action, with and without results, lease fractions, odd facts and a
   * model version.
   */
  List<AuditEvent> everyKind() {
    Duration none = Duration.ZERO;
    SetCpuFrequencyCap cap = cap();
    SetCpuFrequencyCap fromModel = capFromModel("power-gbt-2026-01-01");
    return List.of(approved(cap), applied(cap), approved(fromModel), applied(fromModel),
        approved(new SetGpuPowerLimit(meta(Duration.ofMillis(90_500)), N07, 3, 250.5)),
        AuditEvent.ofResult(AuditStage.FAILED, new SetNodePowerCap(meta(Duration.ofNanos(1)),
            N07, 400), ActionResult.of(ids.next(), ActionResult.Outcome.TIMED_OUT, AT, "no ack")),
        new AuditEvent(AT, AuditStage.HELD_FOR_APPROVAL, new DrainNode(meta(none), N07),
            "operator-ann", "needs operator approval", Optional.empty()),
        AuditEvent.of(AT, AuditStage.REJECTED, new ResumeNode(meta(none), N07), "too soon"),
        AuditEvent.of(AT, AuditStage.DRY_RUN, new SuspendNode(meta(none), N07), "dry run"),
        approved(new WakeNode(meta(none, new Fact("ratio", Double.NaN, "")), N07)),
        approved(new MigrateJob(meta(none), new JobId("4711_3"), N07,
            MigrateJob.Mode.CHECKPOINT_RESTART)),
        approved(new HoldJob(meta(none), new JobId("4711_4"), AT.plusSeconds(3600))),
        approved(new ReleaseJob(meta(none), new JobId("4711_4"))),
        approved(new FailoverSite(meta(none), SiteId.of("site-a"), SiteId.of("site-b"))),
        approved(new Notify(meta(none), Notify.Severity.CRITICAL, "site-a",
            "line\nbreak, \"quotes\" and ünïcode")));
  }
}
