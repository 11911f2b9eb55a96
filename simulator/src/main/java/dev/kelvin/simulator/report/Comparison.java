package dev.kelvin.simulator.report;

import java.util.List;
import java.util.Objects;

/**
 * A policy run set against the baseline run (policy {@code none}) of the same scenario and
 * seed. Job figures are taken over the jobs that completed in both runs (paired by id), so
 * both sides average over the same jobs; the runs' own headline figures sit beside them.
 *
 * @param energySavedPct the baseline's energy minus the policy run's, over the baseline's, in
 *     percent (negative when the policy used more); NaN when the baseline used none
 * @param jobsCompared jobs that completed in both runs
 * @param meanRuntimeStretchPct per compared job, its run time under the policy over its run
 *     time in the baseline, minus 1, in percent, averaged; jobs that ran 0 s in the baseline
 *     are left out of this mean; NaN with none left
 * @param meanWaitChangePct the compared jobs' mean wait under the policy over their mean wait
 *     in the baseline, minus 1, in percent; NaN when the baseline's mean wait is 0
 * @param meanBoundedSlowdownChangePct the same for the mean bounded slowdown
 */
public record Comparison(SimulationResult baseline, SimulationResult policy,
    double energySavedPct, int jobsCompared, double meanRuntimeStretchPct,
    double meanWaitChangePct, double meanBoundedSlowdownChangePct) {

  /**
   * Compares two runs.
   *
   * @throws IllegalArgumentException when they are not of the same scenario and seed
   */
  public static Comparison of(SimulationResult baseline, SimulationResult policy) {
    RunSummary base = baseline.summary();
    RunSummary run = policy.summary();
    if (!Objects.equals(base.scenario(), run.scenario()) || base.seed() != run.seed()) {
      throw new IllegalArgumentException("a comparison needs two runs of one scenario and seed;"
          + " got scenario " + base.scenario() + " seed " + base.seed() + " and scenario "
          + run.scenario() + " seed " + run.seed() + " (were the runs given in the wrong order or"
          + " from different --seed values?)");
    }
    JobPairs pairs = JobPairs.of(baseline.jobs(), policy.jobs());
    return new Comparison(baseline, policy,
        -changePct(run.energyKwh(), base.energyKwh()),
        pairs.count(), pairs.meanRunRatioPct(),
        changePct(pairs.meanPolicyWaitS(), pairs.meanBaseWaitS()),
        changePct(pairs.meanPolicySlowdown(), pairs.meanBaseSlowdown()));
  }

  /** The baseline's carbon less the policy run's, kg CO2e (negative: the policy emitted more). */
  public double carbonSavedKg() {
    return baseline.summary().carbonKg() - policy.summary().carbonKg();
  }

  /** {@link #carbonSavedKg} over the baseline's carbon, in percent; NaN when it emitted none. */
  public double carbonSavedPct() {
    return -changePct(policy.summary().carbonKg(), baseline.summary().carbonKg());
  }

  /** {@code (after / before - 1)} in percent; NaN when {@code before} is 0 or not defined. */
  static double changePct(double after, double before) {
    if (!(before != 0) || !Double.isFinite(before) || !Double.isFinite(after)) {
      return Double.NaN;
    }
    return (after / before - 1) * 100;
  }

  /** Sums over the jobs that completed in both runs, paired by id. */
  private record JobPairs(int count, int stretchCount, double runRatioSum, double baseWaitSum,
      double policyWaitSum, double baseSlowdownSum, double policySlowdownSum) {

    static JobPairs of(List<JobOutcome> base, List<JobOutcome> policy) {
      JobPairs sums = new JobPairs(0, 0, 0, 0, 0, 0, 0);
      int i = 0;
      int j = 0;
      while (i < base.size() && j < policy.size()) {
        JobOutcome a = base.get(i);
        JobOutcome b = policy.get(j);
        if (a.id() < b.id()) {
          i++;
        } else if (a.id() > b.id()) {
          j++;
        } else {
          if (a.completed() && b.completed()) {
            sums = sums.plus(a, b);
          }
          i++;
          j++;
        }
      }
      return sums;
    }

    JobPairs plus(JobOutcome base, JobOutcome policy) {
      boolean stretchDefined = base.runS() > 0;
      return new JobPairs(count + 1, stretchCount + (stretchDefined ? 1 : 0),
          runRatioSum + (stretchDefined ? policy.runS() / base.runS() - 1 : 0),
          baseWaitSum + base.waitS(), policyWaitSum + policy.waitS(),
          baseSlowdownSum + base.boundedSlowdown(),
          policySlowdownSum + policy.boundedSlowdown());
    }

    double meanRunRatioPct() {
      return stretchCount == 0 ? Double.NaN : runRatioSum / stretchCount * 100;
    }

    double meanBaseWaitS() {
      return mean(baseWaitSum);
    }

    double meanPolicyWaitS() {
      return mean(policyWaitSum);
    }

    double meanBaseSlowdown() {
      return mean(baseSlowdownSum);
    }

    double meanPolicySlowdown() {
      return mean(policySlowdownSum);
    }

    private double mean(double sum) {
      return count == 0 ? Double.NaN : sum / count;
    }
  }
}
