package dev.kelvin.telemetry.store;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.NodeAction;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One audit event as a point of the {@code action} measurement, at the event's time.
 * <ul>
 *   <li>tags: {@code site} and {@code node} where the action has them, {@code gpu} for a GPU
 *       setpoint, {@code job} for a job action, {@code type} (e.g. {@code set_cpu_freq_cap}),
 *       {@code rule}, {@code stage} (e.g. {@code approved}, {@code applied});</li>
 *   <li>fields: {@code id}, {@code target}, {@code reason}, {@code detail}, {@code actor},
 *       {@code value} (a setpoint's own value), {@code before} and {@code after} (the value in
 *       force before, and read back after, where known), {@code result} (the outcome, e.g.
 *       {@code applied}, {@code timed_out}), {@code lease_s}, {@code model_version}.</li>
 * </ul>
 * The stage is a tag so that the stages of one action in the same millisecond stay apart.
 */
final class ActionLines {
  private ActionLines() {}

  static int append(StringBuilder out, AuditEvent event) {
    Action action = event.action();
    LineProtocol.measurement(out, LinePoints.ACTION);
    tags(out, action);
    LineProtocol.tag(out, "stage", event.stage().label());
    LineProtocol.tag(out, "type", LinePoints.type(action));
    fields(out, event);
    LineProtocol.timestampMillis(out, event.at().toEpochMilli());
    return 1;
  }

  /** gpu, job, node, rule, site: in key order, as InfluxDB keeps them. */
  private static void tags(StringBuilder out, Action action) {
    Optional<NodeId> node = node(action);
    if (action instanceof SetpointAction setpoint) {
      setpoint.device().filter(device -> device.kind() == Device.Kind.GPU)
          .ifPresent(gpu -> LineProtocol.tag(out, "gpu", Integer.toString(gpu.index())));
    }
    LineProtocol.tag(out, "job", job(action));
    node.ifPresent(id -> LineProtocol.tag(out, "node", id.name()));
    LineProtocol.tag(out, "rule", action.rule());
    LineProtocol.tag(out, "site", site(action, node));
  }

  private static void fields(StringBuilder out, AuditEvent event) {
    Action action = event.action();
    Optional<ActionResult> result = event.result();
    LineProtocol.stringField(out, ' ', "actor", event.actor());
    OptionalDouble after = result.map(ActionResult::after).orElse(OptionalDouble.empty());
    after.ifPresent(value -> LineProtocol.floatField(out, ',', "after", value));
    OptionalDouble before = result.map(ActionResult::before)
        .filter(OptionalDouble::isPresent).orElse(event.before());
    before.ifPresent(value -> LineProtocol.floatField(out, ',', "before", value));
    LineProtocol.stringField(out, ',', "detail", event.detail());
    LineProtocol.stringField(out, ',', "id", action.id().value());
    LineProtocol.floatField(out, ',', "lease_s", action.lease().toMillis() / 1000.0);
    action.meta().modelVersion()
        .ifPresent(version -> LineProtocol.stringField(out, ',', "model_version", version));
    LineProtocol.stringField(out, ',', "reason", action.reason());
    result.ifPresent(done -> LineProtocol.stringField(out, ',', "result",
        LinePoints.outcome(done)));
    LineProtocol.stringField(out, ',', "target", action.target());
    if (action instanceof SetpointAction setpoint) {
      LineProtocol.floatField(out, ',', "value", setpoint.value());
    }
  }

  private static Optional<NodeId> node(Action action) {
    if (action instanceof NodeAction onNode) {
      return Optional.of(onNode.node());
    }
    if (action instanceof MigrateJob migrate) {
      return Optional.of(migrate.from());
    }
    return Optional.empty();
  }

  private static String site(Action action, Optional<NodeId> node) {
    if (node.isPresent()) {
      return node.get().site().value();
    }
    if (action instanceof FailoverSite failover) {
      return failover.from().value();
    }
    return "";
  }

  /** The job an action acts on, "" for actions on nodes, sites or people. */
  private static String job(Action action) {
    if (action instanceof MigrateJob migrate) {
      return migrate.job().value();
    }
    if (action instanceof HoldJob hold) {
      return hold.job().value();
    }
    if (action instanceof ReleaseJob release) {
      return release.job().value();
    }
    if (action instanceof NodeAction || action instanceof FailoverSite
        || action instanceof Notify) {
      return "";
    }
    throw new AssertionError(action);
  }
}
