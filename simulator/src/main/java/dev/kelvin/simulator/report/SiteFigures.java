package dev.kelvin.simulator.report;

/**
 * Figures derived from one site's power series: its peak, and how long it stayed over its
 * budget. A series is piecewise constant and its last value holds until the run's end.
 */
final class SiteFigures {
  private static final double SECONDS_PER_HOUR = 3600;

  private SiteFigures() {}

  /** The highest facility power the site drew, in kW; NaN with no power recorded. */
  static double peakPowerKw(SiteResult site) {
    double peak = Double.NaN;
    for (double watts : site.powerW().values()) {
      peak = Double.isNaN(peak) ? watts : Math.max(peak, watts);
    }
    return peak / 1000;
  }

  /**
   * Hours during which the site's facility power was above its budget, up to {@code endS};
   * NaN for a site without a budget.
   */
  static double hoursOverBudget(SiteResult site, double endS) {
    if (site.budgetW().isEmpty()) {
      return Double.NaN;
    }
    double budgetW = site.budgetW().getAsDouble();
    double[] times = site.powerW().timesS();
    double[] values = site.powerW().values();
    double overS = 0;
    for (int i = 0; i < times.length; i++) {
      double until = i + 1 < times.length ? times[i + 1] : Math.max(endS, times[i]);
      if (values[i] > budgetW) {
        overS += until - times[i];
      }
    }
    return overS / SECONDS_PER_HOUR;
  }

  /** The energy of the site's IT and cooling together, in kWh. */
  static double energyKwh(SiteResult site) {
    return site.itEnergyKwh() + site.coolingEnergyKwh();
  }
}
