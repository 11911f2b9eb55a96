package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.policy.CarbonSettings;
import dev.kelvin.policy.EfficiencySettings;
import dev.kelvin.policy.rules.PowerProposal.Control;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the rules that slow busy CPUs within a bounded job slowdown ({@link
 * Slowdown}): the energy-efficiency rule takes a busy node straight to the lowest clock whose
 * slowdown stays within its maximum; the carbon and price rule steps it one step per settle
 * time towards the lowest clock within its own maximum while the grid is dirty or dear. Each
 * only lowers a cap (a lower cap in force is another rule's, and stays); a cap already at its
 * clock is held ({@link CapHold}) so that the thermal release does not raise it. When the rule
 * no longer matches (the job ended, the node went idle, the signal rose, the grid is clean),
 * the hold lifts and the thermal release raises the cap one step per settle time.
 */
public final class ClockPlan {
  private static final double SAME_MHZ = 0.5;

  private ClockPlan() {}

  /**
   * Whether {@code node} is busy (CPU utilisation at least the setting) and reports how
   * memory-bound it is and its clock range; unknown values (NaN) are never.
   */
  public static boolean busyAndMemoryBoundKnown(NodeFact node, EfficiencySettings s) {
    return node.cpuUtilRatio() >= s.busyUtilRatio() && node.memBoundRatio() >= 0
        && node.memBoundRatio() >= s.minMemBoundRatio() && hasClockRange(node);
  }

  /** Whether {@code node} reports a CPU frequency range with a cap to move within it. */
  public static boolean hasClockRange(NodeFact node) {
    return node.minMhz() > 0 && node.maxMhz() > node.minMhz() && node.capMhz() > 0;
  }

  /** The energy-efficiency step for a busy node that reports how memory-bound it is. */
  public static List<Object> efficient(String rule, NodeFact node, EfficiencySettings s) {
    double floor = Slowdown.floorMhz(node.maxMhz(), node.minMhz(), node.memBoundRatio(),
        s.maxSlowdownRatio(), s.stepMhz());
    String why = "busy CPU " + fmt(node.memBoundRatio() * 100) + " % memory-bound: at "
        + fmt(floor) + " MHz its job runs " + fmt(100 * Slowdown.at(floor, node.maxMhz(),
        node.memBoundRatio())) + " % longer (at most " + fmt(s.maxSlowdownRatio() * 100)
        + " %)";
    return toward(rule, node, floor, floor, s.settleSeconds(), s.capLease(), why);
  }

  /** The carbon and price step for a busy node of a site whose grid is dirty or dear. */
  public static List<Object> cleaner(String rule, SiteFact site, NodeFact node,
      CarbonSettings s) {
    double floor = Slowdown.floorMhz(node.maxMhz(), node.minMhz(), node.memBoundRatio(),
        s.maxSlowdownRatio(), s.capStepMhz());
    double target = Math.max(floor, node.capMhz() - s.capStepMhz());
    String why = "grid of site " + site.site() + " at " + fmt(site.carbonGramsPerKwh())
        + " gCO2/kWh and " + fmt(site.pricePerKwh()) + " per kWh (thresholds "
        + fmt(s.carbonThresholdGramsPerKwh()) + ", " + fmt(s.priceThresholdPerKwh())
        + "): one step towards " + fmt(floor) + " MHz, where its job runs "
        + fmt(100 * Slowdown.at(floor, node.maxMhz(), node.memBoundRatio()))
        + " % longer (at most " + fmt(s.maxSlowdownRatio() * 100) + " %)";
    return toward(rule, node, target, floor, s.settleSeconds(), s.capLease(), why);
  }

  /**
   * A cap at {@code targetMhz} when the cap in force is above {@code floorMhz} and has held
   * for the settle time; a hold when it is at the floor; nothing when it is below.
   */
  private static List<Object> toward(String rule, NodeFact node, double targetMhz,
      double floorMhz, double settleSeconds, Duration lease, String why) {
    List<Object> out = new ArrayList<>();
    if (node.capMhz() > floorMhz + SAME_MHZ) {
      if (node.setpointsHeldSeconds() >= settleSeconds) {
        out.add(PowerProposal.of(rule, node.node(), Control.CPU_CAP_MHZ, -1, targetMhz,
            why + ": CPU cap " + fmt(node.capMhz()) + " → " + fmt(targetMhz) + " MHz",
            evidence(node), lease));
      }
      if (node.capped()) {
        out.add(new CapHold(node.node(), rule));
      }
    } else if (node.capMhz() >= floorMhz - SAME_MHZ) {
      out.add(new CapHold(node.node(), rule));
    }
    return out;
  }

  private static List<dev.kelvin.core.action.Fact> evidence(NodeFact node) {
    List<dev.kelvin.core.action.Fact> facts = PowerStep.evidence(node);
    PowerStep.add(facts, NodeMetric.CPU_MEM_BOUND_RATIO.wireName(), node.memBoundRatio(),
        "ratio");
    PowerStep.add(facts, NodeMetric.CPU_FREQ_MAX_MHZ.wireName(), node.maxMhz(), "MHz");
    return facts;
  }

  static String fmt(double value) {
    return PowerStep.fmt(value);
  }
}
