package dev.kelvin.app.bench;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One policy tick at a given size, timed: the whole shipped rule set deciding on a snapshot
 * ({@link RulePolicy#decide}: facts built, rules fired, actions made) beside {@link PlainRules},
 * on the same snapshot in the same run, after the same warm-up. Rounds alternate between the
 * two so that a noisy neighbour hurts both alike.
 */
final class PolicyBench {
  /** The figures of one run. */
  record Result(int nodes, int jobs, int rounds, double p50Ms, double p99Ms,
      double plainP50Ms, double plainP99Ms, int actions, int plainActions, boolean sameThermal,
      List<String> rules) {

    double ratio() {
      return p99Ms / plainP99Ms;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("nodes", nodes);
      json.put("jobs", jobs);
      json.put("rounds", rounds);
      json.put("p50_ms", p50Ms);
      json.put("p99_ms", p99Ms);
      json.put("plain_java_p50_ms", plainP50Ms);
      json.put("plain_java_p99_ms", plainP99Ms);
      json.put("ratio", ratio());
      json.put("actions", actions);
      json.put("plain_java_actions", plainActions);
      json.put("same_thermal_actions", sameThermal);
      json.put("rules", rules);
      return json;
    }
  }

  private PolicyBench() {}

  static Result run(int nodes, int jobs, int warmups, int rounds, long seed) {
    ClusterSnapshot snapshot = PolicyWorld.build(nodes, jobs, seed);
    RuleParameters parameters = RuleParameters.defaults();
    RulePolicy rules = RulePolicy.load(parameters, new ActionIds(snapshot.at()));
    PlainRules plain = new PlainRules(rules.settings(), new ActionIds(snapshot.at()));
    List<Prediction> none = List.of();
    Supplier<List<Action>> drools = () -> rules.decide(snapshot, none);
    Supplier<List<Action>> java = () -> plain.decide(snapshot);
    for (int i = 0; i < warmups; i++) {
      drools.get();
      java.get();
    }
    long[] droolsNanos = new long[rounds];
    long[] javaNanos = new long[rounds];
    List<Action> lastDrools = List.of();
    List<Action> lastJava = List.of();
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      lastDrools = drools.get();
      droolsNanos[i] = System.nanoTime() - started;
      started = System.nanoTime();
      lastJava = java.get();
      javaNanos[i] = System.nanoTime() - started;
    }
    return new Result(nodes, jobs, rounds, percentileMs(droolsNanos, 0.50),
        percentileMs(droolsNanos, 0.99), percentileMs(javaNanos, 0.50),
        percentileMs(javaNanos, 0.99), lastDrools.size(), lastJava.size(),
        sameThermal(lastDrools, lastJava), rules.ruleNames());
  }

  /** Whether both propose the same thermal actions (same type, target and value). */
  private static boolean sameThermal(List<Action> drools, List<Action> java) {
    return thermal(drools).equals(thermal(java));
  }

  private static List<String> thermal(List<Action> actions) {
    return actions.stream().filter(a -> a.meta().rule().startsWith("thermal-"))
        .map(a -> a.type() + " " + a.target() + " " + a.meta().rule() + " " + a.describe())
        .toList();
  }

  /** The {@code share} quantile of {@code nanos} (nearest rank), in milliseconds. */
  static double percentileMs(long[] nanos, double share) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
