package dev.kelvin.app.bench;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.rules.BudgetPlan;
import dev.kelvin.policy.rules.CapHold;
import dev.kelvin.policy.rules.CpuCapProposal;
import dev.kelvin.policy.rules.NodeFact;
import dev.kelvin.policy.rules.NodeThermalFact;
import dev.kelvin.policy.rules.Proposal;
import dev.kelvin.policy.rules.RackFact;
import dev.kelvin.policy.rules.SiteFact;
import dev.kelvin.policy.rules.SnapshotFacts;
import dev.kelvin.policy.rules.WindowScans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thermal and power-budget rules written as plain Java loops, on the same facts and with
 * the same arithmetic ({@link BudgetPlan}) as the DRL rules, deciding exactly what they decide
 * without forecasts (the benchmark checks that both propose the same actions): the yardstick
 * that shows what the rule engine costs over hand-written code.
 */
final class PlainRules {
  private final PolicySettings thermal;
  private final BudgetSettings budget;
  private final ActionIds ids;
  private final WindowScans scans = new WindowScans();

  PlainRules(RuleParameters parameters, ActionIds ids) {
    this.thermal = parameters.get(PolicySettings.class);
    this.budget = parameters.get(BudgetSettings.class);
    this.ids = ids;
  }

  List<Action> decide(ClusterSnapshot snapshot) {
    List<Object> inserted = new ArrayList<>();
    budget(SnapshotFacts.of(snapshot, scans), inserted);
    Set<NodeId> held = new HashSet<>();
    List<Proposal> proposals = new ArrayList<>();
    for (Object fact : inserted) {
      if (fact instanceof CapHold hold) {
        held.add(hold.node());
      } else {
        proposals.add((Proposal) fact);
      }
    }
    for (NodeView view : snapshot.views()) {
      Optional<NodeThermalFact> fact = NodeThermalFact.of(view,
          thermal.defaultCpuTempLimitCelsius(), thermal.settleTime(), scans);
      fact.ifPresent(node -> thermal(node, held.contains(node.node()), proposals));
    }
    List<Action> actions = new ArrayList<>(proposals.size());
    for (Proposal proposal : Proposal.inOrder(proposals)) {
      actions.add(proposal.toAction(new ActionMeta(ids.next(), proposal.rule(),
          proposal.reason(), proposal.facts(), snapshot.at(), proposal.lease(thermal),
          proposal.modelVersion())));
    }
    return actions;
  }

  /** The budget rules of every site and budgeted rack, without forecasts. */
  private void budget(List<Object> facts, List<Object> out) {
    Map<SiteId, List<NodeFact>> bySite = new HashMap<>();
    Map<String, List<NodeFact>> byRack = new HashMap<>();
    for (Object fact : facts) {
      if (fact instanceof NodeFact node) {
        bySite.computeIfAbsent(node.site(), k -> new ArrayList<>()).add(node);
        byRack.computeIfAbsent(rackKey(node.site(), node.rack()), k -> new ArrayList<>())
            .add(node);
      }
    }
    for (Object fact : facts) {
      if (fact instanceof SiteFact site) {
        scope("site", "site " + site.site(), site.budgetWatts(), site.powerWatts(),
            bySite.getOrDefault(site.site(), List.of()), out);
      } else if (fact instanceof RackFact rack) {
        scope("rack", "rack " + rack.site() + "/" + rack.rack(), rack.budgetWatts(),
            rack.powerWatts(), byRack.getOrDefault(rackKey(rack.site(), rack.rack()),
                List.of()), out);
      }
    }
  }

  private void scope(String kind, String scope, double budgetWatts, double powerWatts,
      List<NodeFact> nodes, List<Object> out) {
    if (BudgetPlan.over(budgetWatts, powerWatts)) {
      out.addAll(BudgetPlan.lower("budget-cap-" + kind, scope, budgetWatts, powerWatts, nodes,
          budget));
    } else if (BudgetPlan.within(budgetWatts, powerWatts)) {
      out.addAll(BudgetPlan.release("budget-release-" + kind, scope, budgetWatts, powerWatts,
          nodes, List.of(), budget));
    }
  }

  private void thermal(NodeThermalFact node, boolean held, List<Proposal> out) {
    if (node.stale() || !node.capSettled()) {
      return;
    }
    if (node.cpuTempCelsius() > node.limitCelsius() && node.capMhz() > node.minMhz()) {
      out.add(CpuCapProposal.lowerOneStep("thermal-cap-cpu", node, thermal.capStepMhz()));
    }
    double hysteresis = thermal.releaseHysteresisCelsius();
    if (!held && node.historyCoversSettle() && node.capMhz() < node.maxMhz()
        && node.limitCelsius() - node.peakCpuTempCelsius() > hysteresis) {
      out.add(CpuCapProposal.raiseOneStep("thermal-release-cpu", node, thermal.capStepMhz(),
          hysteresis, thermal.settleTime()));
    }
  }

  private static String rackKey(SiteId site, RackId rack) {
    return site + "/" + rack;
  }
}
