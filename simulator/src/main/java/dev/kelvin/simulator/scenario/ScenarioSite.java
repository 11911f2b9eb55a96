package dev.kelvin.simulator.scenario;

import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One site of a scenario.
 *
 * @param nodes how many identical nodes it has
 * @param powerBudgetKw its facility power budget, if it has one
 * @param carbonGramsPerKwh the grid's carbon intensity when no daily profile is given
 * @param pricePerKwh the price of energy when no daily profile is given (the scenario's
 *     currency)
 * @param outdoorCelsius the outdoor air temperature, constant over the run
 * @param upsRuntime how long the UPS carries the site's load when utility power is lost
 * @param carbonDaily the grid's carbon intensity hour by hour (24 values, g/kWh), repeated
 *     every day; empty for the constant
 * @param priceDaily the price hour by hour (24 values), repeated every day; empty for the
 *     constant
 * @param gpus the GPUs in each of its nodes ({@link SiteGpus#NONE} for none)
 */
public record ScenarioSite(String name, int nodes, OptionalDouble powerBudgetKw,
    double carbonGramsPerKwh, double pricePerKwh, double outdoorCelsius, Duration upsRuntime,
    List<Double> carbonDaily, List<Double> priceDaily, SiteGpus gpus) {
  public static final Duration DEFAULT_UPS_RUNTIME = Duration.ofMinutes(10);
  public static final int HOURS_PER_DAY = 24;

  public ScenarioSite {
    SiteId.of(name);
    Objects.requireNonNull(powerBudgetKw, "powerBudgetKw");
    Objects.requireNonNull(upsRuntime, "upsRuntime");
    Objects.requireNonNull(gpus, "gpus");
    carbonDaily = List.copyOf(carbonDaily);
    priceDaily = List.copyOf(priceDaily);
    if (nodes < 1) {
      throw new IllegalArgumentException("site " + name + " needs at least one node, had "
          + nodes);
    }
    if (powerBudgetKw.isPresent() && !(powerBudgetKw.getAsDouble() > 0)) {
      throw new IllegalArgumentException("the power budget of site " + name
          + " must be > 0 kW, was " + powerBudgetKw.getAsDouble());
    }
    requireDaily(name, "carbon_daily_g_per_kwh", carbonDaily);
    requireDaily(name, "price_daily_per_kwh", priceDaily);
  }

  /** A site whose nodes have no GPUs. */
  public ScenarioSite(String name, int nodes, OptionalDouble powerBudgetKw,
      double carbonGramsPerKwh, double pricePerKwh, double outdoorCelsius, Duration upsRuntime,
      List<Double> carbonDaily, List<Double> priceDaily) {
    this(name, nodes, powerBudgetKw, carbonGramsPerKwh, pricePerKwh, outdoorCelsius, upsRuntime,
        carbonDaily, priceDaily, SiteGpus.NONE);
  }

  /** A site with a constant grid, a ten-minute UPS. */
  public ScenarioSite(String name, int nodes, OptionalDouble powerBudgetKw,
      double carbonGramsPerKwh, double pricePerKwh, double outdoorCelsius) {
    this(name, nodes, powerBudgetKw, carbonGramsPerKwh, pricePerKwh, outdoorCelsius,
        DEFAULT_UPS_RUNTIME, List.of(), List.of());
  }

  /** The carbon intensity in force {@code hourOfDay} (0-23), g/kWh. */
  public double carbonAt(int hourOfDay) {
    return carbonDaily.isEmpty() ? carbonGramsPerKwh : carbonDaily.get(hourOfDay);
  }

  /** The price in force {@code hourOfDay} (0-23), per kWh. */
  public double priceAt(int hourOfDay) {
    return priceDaily.isEmpty() ? pricePerKwh : priceDaily.get(hourOfDay);
  }

  /** Whether carbon or price changes over the day. */
  public boolean hasDailyProfile() {
    return !carbonDaily.isEmpty() || !priceDaily.isEmpty();
  }

  private static void requireDaily(String site, String key, List<Double> values) {
    if (!values.isEmpty() && values.size() != HOURS_PER_DAY) {
      throw new IllegalArgumentException("site " + site + ": " + key + " needs "
          + HOURS_PER_DAY + " hourly values, had " + values.size());
    }
  }
}
