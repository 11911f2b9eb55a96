package dev.kelvin.app.bench;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.rules.CpuCapProposal;
import dev.kelvin.policy.rules.NodeThermalFact;
import dev.kelvin.policy.rules.Proposal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The thermal rules written as plain Java loops over the snapshot, deciding exactly what the
 * DRL rules decide (the benchmark checks that both propose the same actions): the yardstick that
 * shows what the rule engine costs over hand-written code.
 */
final class PlainRules {
  private static final Comparator<Proposal> ORDER = Comparator.comparing(Proposal::target)
      .thenComparing(Proposal::rule).thenComparing(Proposal::reason);

  private final PolicySettings settings;
  private final ActionIds ids;

  PlainRules(PolicySettings settings, ActionIds ids) {
    this.settings = settings;
    this.ids = ids;
  }

  List<Action> decide(ClusterSnapshot snapshot) {
    List<Proposal> proposals = new ArrayList<>();
    for (NodeView view : snapshot.views()) {
      Optional<NodeThermalFact> fact = NodeThermalFact.of(view,
          settings.defaultCpuTempLimitCelsius(), settings.settleTime());
      fact.ifPresent(node -> thermal(node, proposals));
    }
    proposals.sort(ORDER);
    List<Action> actions = new ArrayList<>(proposals.size());
    for (Proposal proposal : proposals) {
      actions.add(proposal.toAction(new ActionMeta(ids.next(), proposal.rule(),
          proposal.reason(), proposal.facts(), snapshot.at(), proposal.lease(settings))));
    }
    return actions;
  }

  private void thermal(NodeThermalFact node, List<Proposal> out) {
    if (node.stale() || !node.capSettled()) {
      return;
    }
    if (node.cpuTempCelsius() > node.limitCelsius() && node.capMhz() > node.minMhz()) {
      out.add(CpuCapProposal.lowerOneStep("thermal-cap-cpu", node, settings.capStepMhz()));
    }
    double hysteresis = settings.releaseHysteresisCelsius();
    if (node.historyCoversSettle() && node.capMhz() < node.maxMhz()
        && node.limitCelsius() - node.peakCpuTempCelsius() > hysteresis) {
      out.add(CpuCapProposal.raiseOneStep("thermal-release-cpu", node, settings.capStepMhz(),
          hysteresis, settings.settleTime()));
    }
  }
}
