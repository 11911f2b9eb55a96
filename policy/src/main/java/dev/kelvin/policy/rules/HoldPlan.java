package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.policy.CarbonSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of holding deferrable jobs while a site's grid is dirty or dear. A deferrable
 * job must finish within {@code max_deferral} of its submission at its requested time, so it
 * may be held at most until submission + {@code max_deferral} - requested time (its latest
 * start). A hold reaches about an hour ahead, and never past that latest start.
 *
 * <p>A hold's end is counted from the job's submission on a 10 minute grid (the first grid point
 * at least 50 minutes ahead), so the same job proposed on every tick of those 10 minutes gets the
 * same {@code HoldJob}: the guard refuses the repeats as duplicates where the workload manager
 * does not report the hold, and where it does, the rule proposes nothing while the hold in force
 * reaches as far. Each 10 minutes the hold is extended while the grid stays dirty.
 */
public final class HoldPlan {
  static final double HOLD_SECONDS = 3600;
  static final double GRID_SECONDS = 600;

  private HoldPlan() {}

  /** Seconds from submission to the job's latest start, by {@code settings}. */
  public static double latestStartSeconds(JobFact job, CarbonSettings settings) {
    return settings.maxDeferral().toMillis() / 1000.0 - job.requestedSeconds();
  }

  /**
   * The hold for a pending deferrable job at a site whose grid is dirty or dear; empty when its
   * latest start has come, the hold in force already reaches as far, or the site's grid {@code
   * outlook} expects no clean and cheap time to begin before it. With an outlook the hold ends
   * no later than the clean time it expects.
   */
  public static Optional<HoldProposal> hold(String rule, SiteFact site, GridOutlookFact outlook,
      JobFact job, CarbonSettings settings) {
    if (job.running() || !job.deferrable()) {
      return Optional.empty();
    }
    double latest = latestStartSeconds(job, settings);
    double cleanIn = outlook.cleanInSeconds(latest - job.waitingSeconds());
    if (cleanIn == Double.POSITIVE_INFINITY) {
      return Optional.empty();
    }
    double holdSeconds = holdEndSeconds(job, latest, cleanIn) - job.waitingSeconds();
    if (holdSeconds < 1 || holdSeconds <= job.heldSeconds() + 1) {
      return Optional.empty();
    }
    List<Fact> facts = new ArrayList<>(List.of(
        new Fact("grid_carbon_g_per_kwh", site.carbonGramsPerKwh(), "g/kWh"),
        new Fact("grid_price_per_kwh", site.pricePerKwh(), "per kWh"),
        new Fact("waiting_s", job.waitingSeconds(), "s"),
        new Fact("latest_start_s", latest, "s")));
    if (!Double.isNaN(cleanIn)) {
      facts.add(new Fact("grid_clean_in_s", cleanIn, "s"));
    }
    return Optional.of(new HoldProposal(rule, job.job(), Math.round(holdSeconds * 1000),
        holdReason(site, job, settings, holdSeconds, latest, cleanIn), List.copyOf(facts)));
  }

  /**
   * Seconds from submission to a hold's end: the first point of its 10 minute grid at least 50
   * minutes ahead, no later than the latest start, nor than the clean time expected (NaN: none).
   */
  private static double holdEndSeconds(JobFact job, double latest, double cleanIn) {
    double grid = Math.floor((job.waitingSeconds() + HOLD_SECONDS) / GRID_SECONDS)
        * GRID_SECONDS;
    double end = Math.min(grid, latest);
    return Double.isNaN(cleanIn) ? end : Math.min(end, job.waitingSeconds() + cleanIn);
  }

  private static String holdReason(SiteFact site, JobFact job, CarbonSettings settings,
      double holdSeconds, double latest, double cleanIn) {
    return "grid of site " + site.site() + " at " + ClockPlan.fmt(site.carbonGramsPerKwh())
        + " gCO2/kWh and " + ClockPlan.fmt(site.pricePerKwh()) + " per kWh (thresholds "
        + ClockPlan.fmt(settings.carbonThresholdGramsPerKwh()) + ", "
        + ClockPlan.fmt(settings.priceThresholdPerKwh()) + "): deferrable job " + job.job()
        + " waits " + ClockPlan.fmt(holdSeconds / 60) + " min more (latest start "
        + ClockPlan.fmt(latest / 60) + " min after submission, to finish within "
        + ClockPlan.fmt(settings.maxDeferral().toMinutes()) + " min)"
        + (Double.isNaN(cleanIn)
            ? "; under half a day of grid readings, so when it is clean again is not known"
            : "; clean and cheap again in about " + ClockPlan.fmt(cleanIn / 60)
                + " min, as the same time was a day before");
  }

  /** The release of a held job at a site whose grid is clean and cheap again. */
  public static ReleaseProposal release(String rule, SiteFact site, JobFact job,
      CarbonSettings settings) {
    String why = "grid of site " + site.site() + " clean and cheap again ("
        + ClockPlan.fmt(site.carbonGramsPerKwh()) + " gCO2/kWh, "
        + ClockPlan.fmt(site.pricePerKwh()) + " per kWh): held job " + job.job()
        + " may start";
    return new ReleaseProposal(rule, job.job(), why,
        List.of(new Fact("grid_carbon_g_per_kwh", site.carbonGramsPerKwh(), "g/kWh"),
            new Fact("grid_price_per_kwh", site.pricePerKwh(), "per kWh"),
            new Fact("held_s", job.heldSeconds(), "s")));
  }
}
