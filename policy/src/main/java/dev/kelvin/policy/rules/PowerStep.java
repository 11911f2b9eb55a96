package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.rules.PowerProposal.Control;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One budget step on one node, down or up, with the watts it is expected to save or add. The
 * node's control is chosen in this order: its GPUs' power limits where it reports their range
 * (a GPU node's GPUs draw most of its power), else its node power cap where it reports that
 * range, else its CPU frequency cap. A node power cap or GPU limit is stepped from what the
 * node draws now (a limit far above the draw would save nothing), and a GPU that already draws
 * no more than the lowered limit (an idle one, below its lowest limit) is left alone: its
 * limit would save nothing, and counting it would stop the rule before it saved enough; a CPU cap's saving is
 * estimated as the node's power times the share of the clock taken off (power at least
 * proportional to clock above idle is the usual DVFS curve; the estimate only decides how
 * many nodes move this settle time, and the next settle time measures again).
 */
record PowerStep(NodeFact node, List<PowerProposal> proposals, double watts) {

  /** The step one notch down, or empty when every control of the node is at its minimum. */
  static Optional<PowerStep> down(NodeFact node, BudgetSettings s, String rule, String why) {
    if (!node.gpus().isEmpty()) {
      return gpus(node, s, rule, why, -s.gpuStepWatts());
    }
    if (!Double.isNaN(node.nodeCapWatts())) {
      double from = Math.min(node.nodeCapWatts(), orElse(node.powerWatts(), node.nodeCapWatts()));
      double to = Math.max(node.nodeCapMinWatts(), from - s.nodeCapStepWatts());
      return to < node.nodeCapWatts() ? one(node, Control.NODE_CAP_W, -1, to,
          Math.max(0, orElse(node.powerWatts(), from) - to), s, rule, why + ": node power cap "
          + fmt(node.nodeCapWatts()) + " → " + fmt(to) + " W") : Optional.empty();
    }
    if (node.capMhz() > node.minMhz()) {
      double to = Math.max(node.minMhz(), node.capMhz() - s.capStepMhz());
      return one(node, Control.CPU_CAP_MHZ, -1, to,
          orElse(node.powerWatts(), 0) * (node.capMhz() - to) / node.capMhz(), s, rule,
          why + ": CPU cap " + fmt(node.capMhz()) + " → " + fmt(to) + " MHz");
    }
    return Optional.empty();
  }

  /** The step one notch up, or empty when no control of the node is below its maximum. */
  static Optional<PowerStep> up(NodeFact node, BudgetSettings s, String rule, String why) {
    if (!node.gpus().isEmpty()) {
      return gpus(node, s, rule, why, s.gpuStepWatts());
    }
    if (node.nodeCapped()) {
      double to = Math.min(node.nodeCapMaxWatts(), node.nodeCapWatts() + s.nodeCapStepWatts());
      return one(node, Control.NODE_CAP_W, -1, to, to - node.nodeCapWatts(), s, rule,
          why + ": node power cap " + fmt(node.nodeCapWatts()) + " → " + fmt(to) + " W");
    }
    if (node.capped()) {
      double to = Math.min(node.maxMhz(), node.capMhz() + s.capStepMhz());
      return one(node, Control.CPU_CAP_MHZ, -1, to,
          orElse(node.powerWatts(), 0) * (to - node.capMhz()) / node.capMhz(), s, rule,
          why + ": CPU cap " + fmt(node.capMhz()) + " → " + fmt(to) + " MHz");
    }
    return Optional.empty();
  }

  private static Optional<PowerStep> gpus(NodeFact node, BudgetSettings s, String rule,
      String why, double stepWatts) {
    List<PowerProposal> out = new ArrayList<>();
    double watts = 0;
    for (GpuFact gpu : node.gpus()) {
      double from = stepWatts < 0
          ? Math.min(gpu.limitWatts(), orElse(gpu.powerWatts(), gpu.limitWatts()))
          : gpu.limitWatts();
      double to = Math.min(gpu.maxWatts(), Math.max(gpu.minWatts(), from + stepWatts));
      double change = stepWatts < 0 ? orElse(gpu.powerWatts(), from) - to
          : to - gpu.limitWatts();
      if (to != gpu.limitWatts() && (to < gpu.limitWatts()) == (stepWatts < 0) && change > 0) {
        watts += change;
        out.add(PowerProposal.of(rule, node.node(), Control.GPU_LIMIT_W, gpu.index(), to,
            why + ": GPU " + gpu.index() + " power limit " + fmt(gpu.limitWatts()) + " → "
                + fmt(to) + " W", evidence(node), s.capLease()));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new PowerStep(node, out, watts));
  }

  private static Optional<PowerStep> one(NodeFact node, Control control, int gpu, double to,
      double watts, BudgetSettings s, String rule, String reason) {
    return Optional.of(new PowerStep(node, List.of(PowerProposal.of(rule, node.node(), control,
        gpu, to, reason, evidence(node), s.capLease())), watts));
  }

  /** What a budget action on {@code node} was based on, with units; unknown values left out. */
  static List<Fact> evidence(NodeFact node) {
    List<Fact> facts = new ArrayList<>();
    add(facts, NodeMetric.POWER_WATTS.wireName(), node.powerWatts(), "W");
    add(facts, NodeMetric.CPU_UTIL_RATIO.wireName(), node.cpuUtilRatio(), "ratio");
    add(facts, "top_job_priority", node.topJobPriority(), "");
    add(facts, NodeMetric.CPU_FREQ_CAP_MHZ.wireName(), node.capMhz(), "MHz");
    add(facts, NodeMetric.NODE_POWER_CAP_WATTS.wireName(), node.nodeCapWatts(), "W");
    return facts;
  }

  static void add(List<Fact> facts, String name, double value, String unit) {
    if (!Double.isNaN(value)) {
      facts.add(new Fact(name, value, unit));
    }
  }

  private static double orElse(double value, double fallback) {
    return Double.isNaN(value) ? fallback : value;
  }

  static String fmt(double value) {
    return CpuCapProposal.format(value);
  }
}
