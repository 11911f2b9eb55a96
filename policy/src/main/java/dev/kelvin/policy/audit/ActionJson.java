package dev.kelvin.policy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.NodeAction;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields that set each kind of action apart, as the {@code params} object of an audit line,
 * and back: {@code {"node": "site-a/n07", "capMhz": 2800}} for a CPU cap, and so on.
 */
final class ActionJson {
  private ActionJson() {}

  /**
   * The action's kind as written in the {@code type} field: its stable name, e.g.
   * {@code set_cpu_freq_cap} (files written before these names hold the class name, e.g.
   * {@code SetCpuFrequencyCap}, which still reads).
   */
  static String type(Action action) {
    return action.type().wireName();
  }

  static void writeParams(Action action, ObjectNode params) {
    if (action instanceof SetCpuFrequencyCap cap) {
      params.put("node", cap.node().toString()).put("capMhz", cap.capMhz());
    } else if (action instanceof SetGpuPowerLimit gpu) {
      params.put("node", gpu.node().toString()).put("gpuIndex", gpu.gpuIndex())
          .put("limitWatts", gpu.limitWatts());
    } else if (action instanceof SetNodePowerCap power) {
      params.put("node", power.node().toString()).put("capWatts", power.capWatts());
    } else if (action instanceof DrainNode || action instanceof ResumeNode
        || action instanceof SuspendNode || action instanceof WakeNode) {
      params.put("node", ((NodeAction) action).node().toString());
    } else if (action instanceof MigrateJob migrate) {
      params.put("job", migrate.job().value()).put("from", migrate.from().toString())
          .put("mode", migrate.mode().name());
    } else if (action instanceof HoldJob hold) {
      params.put("job", hold.job().value()).put("until", hold.until().toString());
    } else if (action instanceof ReleaseJob release) {
      params.put("job", release.job().value());
    } else if (action instanceof FailoverSite failover) {
      params.put("from", failover.from().value()).put("to", failover.to().value());
    } else if (action instanceof Notify notify) {
      params.put("severity", notify.severity().name()).put("subject", notify.subject())
          .put("message", notify.message());
    } else {
      throw new AssertionError(action);
    }
  }

  /**
   * Rebuilds the action of kind {@code type} from its {@code meta} and {@code params}.
   *
   * @throws IllegalArgumentException naming the missing or bad field
   */
  static Action read(String type, ActionMeta meta, JsonNode params) {
    ActionType kind = ActionType.fromName(type).orElseThrow(() ->
        new IllegalArgumentException("unknown action type '" + type + "'"));
    return switch (kind) {
      case SET_CPU_FREQUENCY_CAP ->
          new SetCpuFrequencyCap(meta, node(params, "node"), number(params, "capMhz"));
      case SET_GPU_POWER_LIMIT -> new SetGpuPowerLimit(meta, node(params, "node"),
          (int) number(params, "gpuIndex"), number(params, "limitWatts"));
      case SET_NODE_POWER_CAP ->
          new SetNodePowerCap(meta, node(params, "node"), number(params, "capWatts"));
      case DRAIN_NODE -> new DrainNode(meta, node(params, "node"));
      case RESUME_NODE -> new ResumeNode(meta, node(params, "node"));
      case SUSPEND_NODE -> new SuspendNode(meta, node(params, "node"));
      case WAKE_NODE -> new WakeNode(meta, node(params, "node"));
      case MIGRATE_JOB -> new MigrateJob(meta, new JobId(text(params, "job")),
          node(params, "from"), MigrateJob.Mode.valueOf(text(params, "mode")));
      case HOLD_JOB -> new HoldJob(meta, new JobId(text(params, "job")),
          instant(params, "until"));
      case RELEASE_JOB -> new ReleaseJob(meta, new JobId(text(params, "job")));
      case FAILOVER_SITE -> new FailoverSite(meta, SiteId.of(text(params, "from")),
          SiteId.of(text(params, "to")));
      case NOTIFY -> new Notify(meta, Notify.Severity.valueOf(text(params, "severity")),
          text(params, "subject"), text(params, "message"));
    };
  }

  static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return value.asText();
  }

  static double number(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a number");
    }
    return value.doubleValue();
  }

  private static Instant instant(JsonNode params, String field) {
    String text = text(params, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + field + "' must be an ISO-8601 instant"
          + " such as 2024-05-01T12:00:00Z, was '" + text + "'", e);
    }
  }

  private static NodeId node(JsonNode params, String field) {
    String text = text(params, field);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("field '" + field + "' must read site/node, was '"
          + text + "'");
    }
    return NodeId.of(text.substring(0, slash), text.substring(slash + 1));
  }
}
