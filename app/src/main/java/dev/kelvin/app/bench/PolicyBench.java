package dev.kelvin.app.bench;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One policy tick at a given size, timed: the whole shipped rule set deciding on a snapshot
 * ({@link RulePolicy#decide}: facts built, rules fired, actions made); the thermal and budget
 * rules alone in Drools; and the same two families as {@link PlainRules}, on the same snapshot
 * in the same run, after the same warm-up. Rounds interleave the three so that a noisy
 * neighbour hurts all alike. The ratio compares like with like: the two families in Drools
 * against them in plain Java.
 */
final class PolicyBench {
  static final List<String> THERMAL_AND_BUDGET = List.of(
      "dev/kelvin/policy/rules/budget.drl", "dev/kelvin/policy/rules/thermal-cpu.drl");

  /**
   * Median and 99th percentile of one contender, in milliseconds, its last actions, and the
   * median of what one tick allocated on its thread, in MiB (garbage is what the collector's
   * pauses, and so the tail, are made of; it does not depend on how busy the machine is).
   */
  record Timing(double p50Ms, double p99Ms, int actions, double allocMib) {}

  /** The figures of one run. */
  record Result(int nodes, int jobs, int rounds, Timing whole, Timing subset, Timing plain,
      boolean sameActions, List<String> rules) {

    double ratio() {
      return subset.p99Ms() / plain.p99Ms();
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("nodes", nodes);
      json.put("jobs", jobs);
      json.put("rounds", rounds);
      json.put("p50_ms", whole.p50Ms());
      json.put("p99_ms", whole.p99Ms());
      json.put("actions", whole.actions());
      json.put("thermal_budget_p50_ms", subset.p50Ms());
      json.put("thermal_budget_p99_ms", subset.p99Ms());
      json.put("plain_java_p50_ms", plain.p50Ms());
      json.put("plain_java_p99_ms", plain.p99Ms());
      json.put("ratio", ratio());
      json.put("thermal_budget_actions", subset.actions());
      json.put("plain_java_actions", plain.actions());
      json.put("alloc_mib", whole.allocMib());
      json.put("thermal_budget_alloc_mib", subset.allocMib());
      json.put("plain_java_alloc_mib", plain.allocMib());
      json.put("same_actions", sameActions);
      json.put("rules", rules);
      return json;
    }
  }

  private static final com.sun.management.ThreadMXBean ALLOCATION =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private PolicyBench() {}

  static Result run(int nodes, int jobs, int warmups, int rounds, long seed) {
    PolicyWorld world = PolicyWorld.world(nodes, jobs, seed);
    ClusterSnapshot first = world.snapshot();
    RuleParameters parameters = RuleParameters.defaults();
    RulePolicy whole = RulePolicy.load(parameters, new ActionIds(first.at()));
    RulePolicy subset = RulePolicy.load(parameters, new ActionIds(first.at()),
        THERMAL_AND_BUDGET);
    PlainRules plain = new PlainRules(parameters, new ActionIds(first.at()));
    List<Prediction> none = List.of();
    List<Function<ClusterSnapshot, List<Action>>> contenders = List.of(
        snapshot -> whole.decide(snapshot, none), snapshot -> subset.decide(snapshot, none),
        plain::decide);
    for (int i = 0; i < warmups; i++) {
      ClusterSnapshot snapshot = next(world);
      contenders.forEach(contender -> contender.apply(snapshot));
    }
    long[][] nanos = new long[3][rounds];
    long[][] bytes = new long[3][rounds];
    List<List<Action>> last = new java.util.ArrayList<>(List.of(List.of(), List.of(), List.of()));
    for (int i = 0; i < rounds; i++) {
      ClusterSnapshot snapshot = next(world);
      for (int c = 0; c < 3; c++) {
        long allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        last.set(c, contenders.get(c).apply(snapshot));
        nanos[c][i] = System.nanoTime() - started;
        bytes[c][i] = ALLOCATION.getCurrentThreadAllocatedBytes() - allocated;
      }
    }
    return new Result(nodes, jobs, rounds, timing(nanos[0], bytes[0], last.get(0)),
        timing(nanos[1], bytes[1], last.get(1)), timing(nanos[2], bytes[2], last.get(2)),
        described(last.get(1)).equals(described(last.get(2))), whole.ruleNames());
  }

  /**
   * The next tick's snapshot: the site runs on by one control interval first, so that every
   * round decides on fresh readings, as a live tick does (not on one snapshot over and over).
   */
  private static ClusterSnapshot next(PolicyWorld world) {
    world.tick();
    return world.snapshot();
  }

  private static Timing timing(long[] nanos, long[] bytes, List<Action> actions) {
    return new Timing(percentileMs(nanos, 0.50), percentileMs(nanos, 0.99), actions.size(),
        percentile(bytes, 0.50) / (double) (1 << 20));
  }

  /** Each action's type, target, rule and what it does, in order. */
  static List<String> described(List<Action> actions) {
    return actions.stream()
        .map(a -> a.type() + " " + a.target() + " " + a.meta().rule() + " " + a.describe())
        .toList();
  }

  /** The {@code share} quantile of {@code nanos} (nearest rank), in milliseconds. */
  static double percentileMs(long[] nanos, double share) {
    return percentile(nanos, share) / 1e6;
  }

  /** The {@code share} quantile of {@code values} (nearest rank). */
  static long percentile(long[] values, double share) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
