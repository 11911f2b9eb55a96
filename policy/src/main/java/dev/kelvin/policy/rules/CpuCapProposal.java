package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.Numbers;
import dev.kelvin.policy.PolicySettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A proposal to hold {@code node}'s CPU frequency cap at {@code targetMhz}. The DRL builds it
 * with {@link #lowerOneStep} or {@link #raiseOneStep}, which word the reason from the fact.
 */
public record CpuCapProposal(String rule, NodeId node, double targetMhz, String reason,
    List<Fact> facts) implements Proposal {

  public CpuCapProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(reason, "reason");
    facts = List.copyOf(facts);
  }

  @Override
  public String target() {
    return node.toString();
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new SetCpuFrequencyCap(meta, node, targetMhz);
  }

  @Override
  public Duration lease(PolicySettings settings) {
    return settings.capLease();
  }

  /**
   * One step below the cap in force, but not below the node's minimum: for a CPU over its limit.
   */
  public static CpuCapProposal lowerOneStep(String rule, NodeThermalFact fact, double stepMhz) {
    double target = Math.max(fact.minMhz(), fact.capMhz() - stepMhz);
    String reason = "CPU at " + formatAbove(fact.cpuTempCelsius(), fact.limitCelsius())
        + " °C exceeds its "
        + format(fact.limitCelsius()) + " °C limit" + limitSource(fact) + ": cap one step ("
        + format(stepMhz) + " MHz) from " + format(fact.capMhz()) + " to " + format(target)
        + " MHz" + (target > fact.capMhz() - stepMhz ? ", the node minimum" : "");
    return new CpuCapProposal(rule, fact.node(), target, reason, fact.evidence());
  }

  /**
   * One step above the cap in force, but not above the node's maximum: for a CPU that has stayed
   * {@code hysteresisCelsius} below its limit for the whole {@code settleTime}.
   */
  public static CpuCapProposal raiseOneStep(String rule, NodeThermalFact fact, double stepMhz,
      double hysteresisCelsius, Duration settleTime) {
    double target = Math.min(fact.maxMhz(), fact.capMhz() + stepMhz);
    String reason = "CPU stayed at or below " + format(fact.peakCpuTempCelsius()) + " °C for "
        + settleTime.toSeconds() + " s, under "
        + format(fact.limitCelsius() - hysteresisCelsius) + " °C (its "
        + format(fact.limitCelsius()) + " °C limit" + limitSource(fact) + " less "
        + format(hysteresisCelsius) + " °C hysteresis): raise the cap one step ("
        + format(stepMhz) + " MHz) from " + format(fact.capMhz()) + " to " + format(target)
        + " MHz" + (target < fact.capMhz() + stepMhz ? ", the node maximum" : "");
    return new CpuCapProposal(rule, fact.node(), target, reason, fact.evidence());
  }

  private static String limitSource(NodeThermalFact fact) {
    return fact.limitReported() ? "" : " (configured default: the node reports none)";
  }

  /**
   * {@code value} with as many decimals as it takes to show that it exceeds {@code threshold}:
   * 85.04 against 85 prints as 85.04, not as a puzzling 85.0.
   */
  static String formatAbove(double value, double threshold) {
    for (int decimals = 1; decimals <= 4; decimals++) {
      String text = Numbers.fixed(value, decimals);
      if (Double.parseDouble(text) > threshold) {
        return text;
      }
    }
    return Double.toString(value);
  }

  static String format(double value) {
    return Numbers.plain(value, 1);
  }
}
