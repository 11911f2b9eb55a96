package dev.kelvin.simulator.failure;

import dev.kelvin.datasets.failure.LanlFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failure model refitted from the LANL log: the constants of {@link FailureModel} may not
 * drift from the data by more than their rounding to four significant figures (0.05 %, checked
 * at 0.1 %).
 */
class FailureFitTest {
  private static List<LanlFailure> log;

  @BeforeAll
  static void readLog() {
    log = LanlData.log();
  }

  @Test
  void the_system_18_constants_are_what_the_log_gives() {
    FailureFit fit = FailureFit.of(log, 18);
    FailureModel model = fit.model();
    FailureModel constants = FailureModel.LANL_SYSTEM_18;

    assertThat(model.weibullShape()).isCloseTo(constants.weibullShape(), withinPercentage(0.1));
    assertThat(model.weibullScaleS()).isCloseTo(constants.weibullScaleS(), withinPercentage(0.1));
    assertThat(model.rateMultiplierVariance())
        .isCloseTo(constants.rateMultiplierVariance(), withinPercentage(0.1));
    assertThat(model.repairMuLnS()).isCloseTo(constants.repairMuLnS(), withinPercentage(0.1));
    assertThat(model.repairSigma()).isCloseTo(constants.repairSigma(), withinPercentage(0.1));
    assertThat(model.hardwareShare()).isCloseTo(constants.hardwareShare(), withinPercentage(0.1));
  }

  @Test
  void counts_each_failure_once_merging_outages_that_overlap() {
    FailureFit fit = FailureFit.of(log, 18);

    assertThat(fit.nodes()).isEqualTo(1024);
    assertThat(fit.failures() + fit.merged()).isEqualTo(3997);
    assertThat(fit.merged()).isEqualTo(21);
    assertThat(Arrays.stream(fit.perNodeFailures()).sum()).isEqualTo(fit.failures());
    assertThat(Arrays.stream(fit.gapsS()).min().orElseThrow()).isPositive();
  }

  @Test
  void a_weibull_with_falling_hazard_beats_the_exponential_on_the_gaps() {
    FailureFit fit = FailureFit.of(log, 18);
    Weibull pooled = fit.pooledWeibull();
    Weibull perNode = Weibull.fit(fit.normalizedGapsS());

    System.out.printf("log-likelihood, Weibull vs exponential: pooled %.1f vs %.1f (shape %.3f),"
        + " per node %.1f vs %.1f%n", pooled.logLikelihood(fit.gapsS()),
        Weibull.exponentialLogLikelihood(fit.gapsS()), pooled.shape(),
        perNode.logLikelihood(fit.normalizedGapsS()),
        Weibull.exponentialLogLikelihood(fit.normalizedGapsS()));
    assertThat(pooled.shape()).isLessThan(1);
    assertThat(perNode.shape()).isLessThan(1);
    assertThat(pooled.logLikelihood(fit.gapsS()))
        .isGreaterThan(Weibull.exponentialLogLikelihood(fit.gapsS()) + 100);
    assertThat(perNode.logLikelihood(fit.normalizedGapsS()))
        .isGreaterThan(Weibull.exponentialLogLikelihood(fit.normalizedGapsS()) + 100);
  }

  @Test
  void the_fitted_model_gives_back_the_observed_failures_per_node() {
    FailureFit fit = FailureFit.of(log, 18);
    double perNodeRate = (double) fit.failures() / fit.nodes() / fit.spanS();
    FailureModel model = fit.model();

    assertThat(1 / (model.meanGapS() + model.meanRepairS()))
        .isCloseTo(perNodeRate, withinPercentage(0.01));
  }

  @Test
  void plans_drawn_from_the_fit_spread_failures_over_nodes_as_the_log_does() {
    FailureFit fit = FailureFit.of(log, 18);
    double simulated = 0;
    for (long seed = 0; seed < 8; seed++) {
      int[] counts = new int[fit.nodes()];
      FailurePlan.draw(fit.nodes(), fit.spanS(), seed, fit.model(), 1)
          .forEach(f -> counts[f.node()]++);
      simulated += topTenthShare(counts) / 8;
    }
    double observed = topTenthShare(fit.perNodeFailures());
    System.out.printf("top tenth of nodes: %.3f of failures in the log, %.3f drawn%n", observed,
        simulated);

    assertThat(simulated).isCloseTo(observed, within(0.05));
  }

  private static double topTenthShare(int[] counts) {
    int[] sorted = Arrays.stream(counts).sorted().toArray();
    return (double) Arrays.stream(sorted, sorted.length - sorted.length / 10, sorted.length).sum()
        / Arrays.stream(sorted).sum();
  }

  @Test
  void the_weibull_fit_finds_the_shape_and_scale_of_its_own_draws() {
    Weibull truth = new Weibull(0.7, 1e6);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double[] draws = new double[20_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = truth.draw(random);
    }
    Weibull fit = Weibull.fit(draws);

    assertThat(fit.shape()).isCloseTo(0.7, within(0.02));
    assertThat(fit.scaleS()).isCloseTo(1e6, withinPercentage(3));
  }
}
