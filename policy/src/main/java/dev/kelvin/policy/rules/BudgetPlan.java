package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.policy.BudgetSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arithmetic of the power budget rules, for a site or a rack: which nodes step down when
 * it is over its budget, which step back up when it is under, and which caps are held.
 *
 * <p>Fairness: nodes step down in order of the highest priority among the jobs running on
 * them (nodes running nothing first, then the lowest priority), then the least energy-efficient
 * first (the most watts per unit of CPU utilisation), then by node id; just enough of them to
 * cover the excess by the estimated savings ({@link PowerStep}). They step back up in the
 * reverse order, as long as the estimated rise fits under the budget less the release margin.
 * Only nodes whose setpoints have held for the settle time move, so each step shows in the
 * power before the next; every other CPU cap in the scope is held ({@link CapHold}) so that
 * the thermal release does not undo it. Power between the budget less the margin and the
 * budget moves nothing: that band is the hysteresis that keeps caps from flapping.
 */
public final class BudgetPlan {
  /** Down first: no job, then low priority; then the most watts per utilisation; then id. */
  static final Comparator<NodeFact> DOWN_ORDER = Comparator
      .comparingDouble((NodeFact n) -> Double.isNaN(n.topJobPriority()) ? Double.NEGATIVE_INFINITY
          : n.topJobPriority())
      .thenComparing(Comparator.comparingDouble(BudgetPlan::efficiencyKey).reversed())
      .thenComparing(NodeFact::node);

  private BudgetPlan() {}

  /**
   * The steps down that cover {@code powerWatts − budgetWatts} of {@code scope}, and holds on
   * the other capped CPUs of its {@code nodes}.
   */
  public static List<Object> lower(String rule, String scope, double budgetWatts,
      double powerWatts, List<?> nodes, BudgetSettings settings) {
    double excess = powerWatts - budgetWatts;
    return lowerBy(rule, scope + " draws " + PowerStep.fmt(powerWatts) + " W, over its "
        + PowerStep.fmt(budgetWatts) + " W budget by " + PowerStep.fmt(excess) + " W", excess,
        nodes, settings);
  }

  private static List<Object> lowerBy(String rule, String why, double excessWatts,
      List<?> nodes, BudgetSettings settings) {
    List<Object> out = new ArrayList<>();
    double saved = 0;
    for (NodeFact node : movable(nodes, settings, DOWN_ORDER)) {
      if (saved >= excessWatts) {
        break;
      }
      Optional<PowerStep> step = PowerStep.down(node, settings, rule, why);
      if (step.isPresent()) {
        out.addAll(step.get().proposals());
        saved += step.get().watts();
      }
    }
    out.addAll(holds(rule, nodes));
    return out;
  }

  /**
   * The steps up that fit under the budget less the release margin of {@code scope}, in the
   * reverse fairness order, and holds on the CPU caps that do not move. A CPU cap that
   * another family holds ({@code holds} by a rule not named {@code budget-*}) is not raised.
   */
  public static List<Object> release(String rule, String scope, double budgetWatts,
      double powerWatts, List<?> nodes, List<?> holds, BudgetSettings settings) {
    Set<NodeId> heldByOthers = new HashSet<>();
    for (Object value : holds) {
      CapHold hold = (CapHold) value;
      if (!hold.rule().startsWith("budget-")) {
        heldByOthers.add(hold.node());
      }
    }
    double ceiling = budgetWatts * (1 - settings.releaseMarginRatio());
    double room = ceiling - powerWatts;
    String why = scope + " draws " + PowerStep.fmt(powerWatts) + " W, under "
        + PowerStep.fmt(ceiling) + " W (its " + PowerStep.fmt(budgetWatts) + " W budget less "
        + PowerStep.fmt(settings.releaseMarginRatio() * 100) + " %)";
    List<Object> out = new ArrayList<>();
    Set<NodeId> raised = new HashSet<>();
    for (NodeFact node : movable(nodes, settings, DOWN_ORDER.reversed())) {
      Optional<PowerStep> step = PowerStep.up(node, settings, rule, why);
      if (step.isEmpty() || (heldByOthers.contains(node.node())
          && step.get().proposals().get(0).control() == PowerProposal.Control.CPU_CAP_MHZ)) {
        continue;
      }
      if (step.get().watts() > room) {
        break;
      }
      room -= step.get().watts();
      out.addAll(step.get().proposals());
      raised.add(node.node());
    }
    for (CapHold hold : holds(rule, nodes)) {
      if (!raised.contains(hold.node())) {
        out.add(hold);
      }
    }
    return out;
  }

  /** Whether a scope with a budget draws more than it; false when either is unknown (NaN). */
  public static boolean over(double budgetWatts, double powerWatts) {
    return budgetWatts > 0 && powerWatts > budgetWatts;
  }

  /** Whether a scope with a budget draws at most its budget; false when either is unknown. */
  public static boolean within(double budgetWatts, double powerWatts) {
    return budgetWatts > 0 && powerWatts <= budgetWatts;
  }

  /** Whether {@code site} draws more than its budget less the release margin. */
  public static boolean aboveReleaseCeiling(SiteFact site, BudgetSettings settings) {
    return site.powerWatts() > site.budgetWatts() * (1 - settings.releaseMarginRatio());
  }

  /**
   * The highest forecast of {@code site}'s power within the horizon that exceeds its budget,
   * if any.
   */
  public static Optional<LoadForecast> forecastOver(List<?> forecasts, SiteFact site,
      BudgetSettings settings) {
    LoadForecast worst = null;
    for (Object value : forecasts) {
      LoadForecast forecast = (LoadForecast) value;
      if (forecast.scope() instanceof ForecastScope.OfSite scope
          && scope.site().equals(site.site())
          && forecast.horizon().toMillis() / 1000.0 <= settings.forecastHorizonSeconds()
          && forecast.powerWatts() > site.budgetWatts()
          && (worst == null || forecast.powerWatts() > worst.powerWatts())) {
        worst = forecast;
      }
    }
    return Optional.ofNullable(worst);
  }

  /** The steps down for a forecast over budget, carrying the forecast's model version. */
  public static List<Object> lowerAhead(String rule, SiteFact site, LoadForecast forecast,
      List<?> nodes, BudgetSettings settings) {
    double excess = forecast.powerWatts() - site.budgetWatts();
    String why = "site " + site.site() + " is forecast (model " + forecast.modelVersion()
        + ") to draw " + PowerStep.fmt(forecast.powerWatts()) + " W in "
        + forecast.horizon().toSeconds() + " s, over its " + PowerStep.fmt(site.budgetWatts())
        + " W budget by " + PowerStep.fmt(excess) + " W";
    List<Object> out = new ArrayList<>();
    for (Object value : lowerBy(rule, why, excess, nodes, settings)) {
      out.add(value instanceof PowerProposal p
          ? p.basedOn(Optional.of(forecast.modelVersion())) : value);
    }
    return out;
  }

  private static List<NodeFact> movable(List<?> nodes, BudgetSettings settings,
      Comparator<NodeFact> order) {
    List<NodeFact> out = new ArrayList<>(nodes.size());
    for (Object value : nodes) {
      NodeFact node = (NodeFact) value;
      if (!node.stale() && node.setpointsHeldSeconds() >= settings.settleSeconds()) {
        out.add(node);
      }
    }
    out.sort(order);
    return out;
  }

  private static List<CapHold> holds(String rule, List<?> nodes) {
    List<CapHold> out = new ArrayList<>();
    for (Object value : nodes) {
      NodeFact node = (NodeFact) value;
      if (node.capped()) {
        out.add(new CapHold(node.node(), rule));
      }
    }
    return out;
  }

  /** Watts per utilisation, unknown counted as the most efficient (moved last). */
  private static double efficiencyKey(NodeFact node) {
    double value = node.wattsPerUtil();
    return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
  }
}
