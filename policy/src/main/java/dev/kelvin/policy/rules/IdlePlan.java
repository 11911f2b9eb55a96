package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.policy.IdleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many nodes one site suspends and wakes this tick (idle.drl inserts one per site, the
 * suspend and wake rules act on it). The site keeps powered its spare pool plus the nodes its
 * pending jobs ask for plus the extra busy nodes its load forecast implies; it suspends idle
 * nodes beyond that which have been idle long enough, and wakes suspended nodes while the idle
 * and booting ones fall short of it, each at most the per-tick rate. The two never happen on
 * one tick: suspending needs more idle nodes than it keeps, waking fewer.
 *
 * @param keepNodes the idle nodes the site keeps powered
 * @param suspend how many of its longest idle nodes to suspend now
 * @param wake how many of its longest suspended nodes to wake now
 */
public record IdlePlan(SiteId site, int keepNodes, int suspend, int wake,
    double idleAfterSeconds, String why, List<Fact> facts, Optional<String> modelVersion) {

  public IdlePlan {
    facts = List.copyOf(facts);
  }

  public static IdlePlan of(SiteAvailabilityFact site, IdleSettings settings) {
    int spare = Math.min(site.nodes(), settings.spareOf(site.nodes()));
    int forecastExtra = site.forecastBusyNodes() < 0 ? 0
        : Math.max(0, site.forecastBusyNodes() - site.busy());
    int keep = spare + site.pendingDemandNodes() + forecastExtra;
    int longIdle = site.idleFor(settings.idleAfterSeconds());
    int suspend = Math.max(0, Math.min(settings.suspendPerTick(),
        Math.min(longIdle, site.idle() - keep)));
    int wake = Math.max(0, Math.min(settings.wakePerTick(),
        Math.min(site.suspended(), keep - site.idle() - site.booting())));
    String why = site.site() + " keeps " + keep + " idle nodes powered (spare pool " + spare
        + ", pending jobs " + site.pendingDemandNodes() + ", forecast "
        + (site.forecastBusyNodes() < 0 ? "none" : "+" + forecastExtra + " over "
            + site.busy() + " busy") + ") and has " + site.idle() + " idle (" + longIdle
        + " idle for at least " + FailureProposals.seconds(settings.idleAfterSeconds()) + "), "
        + site.booting() + " booting, " + site.suspended() + " suspended";
    List<Fact> facts = List.of(new Fact("keep_idle_nodes", keep, "nodes"),
        new Fact("spare_nodes", spare, "nodes"),
        new Fact("pending_demand_nodes", site.pendingDemandNodes(), "nodes"),
        new Fact("forecast_busy_nodes", site.forecastBusyNodes() < 0 ? Double.NaN
            : site.forecastBusyNodes(), "nodes"),
        new Fact("idle_nodes", site.idle(), "nodes"),
        new Fact("booting_nodes", site.booting(), "nodes"),
        new Fact("suspended_nodes", site.suspended(), "nodes"));
    return new IdlePlan(site.site(), keep, suspend, wake, settings.idleAfterSeconds(), why,
        facts, site.forecastModel().isEmpty() ? Optional.empty()
            : Optional.of(site.forecastModel()));
  }

  /** Suspend {@code node}, one of the longest idle beyond what the site keeps. */
  public NodeProposal suspend(String rule, NodeStateFact node) {
    return new NodeProposal(rule, node.node(), NodeProposal.Kind.SUSPEND,
        why + ": suspend " + node.node() + ", idle for "
            + FailureProposals.seconds(node.inStateSeconds()) + " (" + (node.idleRank() + 1)
            + " of " + suspend + " this tick)", withNode(node), modelVersion);
  }

  /** Wake {@code node}, one of the longest suspended, while the site falls short. */
  public NodeProposal wake(String rule, NodeStateFact node) {
    return new NodeProposal(rule, node.node(), NodeProposal.Kind.WAKE,
        why + ": wake " + node.node() + ", suspended for "
            + FailureProposals.seconds(node.inStateSeconds()) + " (" + (node.wakeRank() + 1)
            + " of " + wake + " this tick)", withNode(node), modelVersion);
  }

  private List<Fact> withNode(NodeStateFact node) {
    List<Fact> all = new ArrayList<>(facts);
    all.add(new Fact("in_state_s", node.inStateSeconds(), "s"));
    return all;
  }
}
